import type { BarView } from '../../../src-shared/domain/trading';

/** The highest high and lowest low of a window, in ticks. */
export interface Channel {
  readonly upper: number;
  readonly lower: number;
  readonly middle: number;
}

/** The extreme of the last `length` values in amortized O(1) (a monotonic queue). */
class WindowExtreme {
  private readonly indexes: number[] = [];
  private readonly values: number[] = [];
  private head = 0;
  private seen = 0;

  public constructor(
    private readonly length: number,
    private readonly better: (candidate: number, held: number) => boolean,
  ) {}

  public push(value: number): number {
    const index = this.seen++;
    while (this.values.length > this.head && !this.better(this.values[this.values.length - 1] ?? 0, value)) {
      this.values.pop();
      this.indexes.pop();
    }
    this.values.push(value);
    this.indexes.push(index);
    while ((this.indexes[this.head] ?? index) <= index - this.length) this.head++;
    // Compact now and then so the arrays do not grow with the series.
    if (this.head > 1024) {
      this.values.splice(0, this.head);
      this.indexes.splice(0, this.head);
      this.head = 0;
    }
    return this.values[this.head] ?? value;
  }

  public get full(): boolean {
    return this.seen >= this.length;
  }
}

/** Donchian channel over the last `length` bars (the current bar included); null until `length` bars. */
export class DonchianChannel {
  private readonly highs: WindowExtreme;
  private readonly lows: WindowExtreme;
  /** The latest channel. */
  public value: Channel | null = null;

  public constructor(public readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`a channel needs a whole length of at least 1, not ${length}`);
    this.highs = new WindowExtreme(length, (candidate, held) => candidate > held);
    this.lows = new WindowExtreme(length, (candidate, held) => candidate < held);
  }

  /** Takes a closed bar; returns the new channel. */
  public update(bar: BarView): Channel | null {
    const upper = this.highs.push(bar.high);
    const lower = this.lows.push(bar.low);
    this.value = this.highs.full ? { upper, lower, middle: (upper + lower) / 2 } : null;
    return this.value;
  }
}
