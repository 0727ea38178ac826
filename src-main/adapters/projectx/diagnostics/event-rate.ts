import type { Clock } from '../../../core/clock';

/** Events per second over a sliding window of one-second buckets. */
export class EventRate {
  private readonly buckets: number[];
  private readonly seconds: number[];

  public constructor(
    private readonly clock: Clock,
    private readonly windowSeconds = 10,
  ) {
    this.buckets = new Array<number>(windowSeconds).fill(0);
    this.seconds = new Array<number>(windowSeconds).fill(-1);
  }

  /** Counts events now. */
  public record(count = 1): void {
    const second = Math.floor(this.clock.now() / 1000);
    const slot = second % this.windowSeconds;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.buckets[slot] = 0;
    }
    this.buckets[slot] = (this.buckets[slot] ?? 0) + count;
  }

  /** The mean rate over the window that ends now. */
  public perSecond(): number {
    const now = Math.floor(this.clock.now() / 1000);
    let total = 0;
    for (let slot = 0; slot < this.windowSeconds; slot++) {
      const second = this.seconds[slot] ?? -1;
      if (second > now - this.windowSeconds && second <= now) total += this.buckets[slot] ?? 0;
    }
    return total / this.windowSeconds;
  }
}
