import { RandomStream } from './random';

/**
 * Ids that look like the venue's: order and trade ids are global sequences already past 2^31
 * (orders near 3.5e9, trades near 3.0e9), position ids fit in int32. Other users' activity shows as
 * small seeded gaps between ours; bracket legs take the ids right after their entry.
 */
export class IdSequences {
  private order = 3_512_400_000;
  private trade = 3_034_200_000;
  private position = 825_240_000;
  private readonly gaps: RandomStream;

  public constructor(seed: number) {
    this.gaps = new RandomStream(seed ^ 0x5eed1d5);
  }

  /** `count` consecutive order ids; returns the first. */
  public nextOrderIds(count: number): number {
    const first = this.order + 1 + this.gaps.nextInt(40);
    this.order = first + count - 1;
    return first;
  }

  /** The next trade (fill) id. */
  public nextTradeId(): number {
    this.trade += 1 + this.gaps.nextInt(25);
    return this.trade;
  }

  /** The next position id. */
  public nextPositionId(): number {
    this.position += 1 + this.gaps.nextInt(9);
    return this.position;
  }
}
