import type { BarView } from '../../../src-shared/domain/trading';

/** Average true range (Wilder's smoothing), in ticks; null until `length` bars. */
export class AverageTrueRange {
  private previousClose: number | null = null;
  private seedSum = 0;
  private seen = 0;
  /** The latest value. */
  public value: number | null = null;

  public constructor(public readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`an ATR needs a whole length of at least 1, not ${length}`);
  }

  /** Takes a closed bar; returns the new value. */
  public update(bar: BarView): number | null {
    const previous = this.previousClose;
    const range = previous === null ? bar.high - bar.low : Math.max(bar.high - bar.low, Math.abs(bar.high - previous), Math.abs(bar.low - previous));
    this.previousClose = bar.close;
    if (this.value !== null) {
      this.value = (this.value * (this.length - 1) + range) / this.length;
      return this.value;
    }
    this.seedSum += range;
    this.seen++;
    if (this.seen === this.length) this.value = this.seedSum / this.length;
    return this.value;
  }
}
