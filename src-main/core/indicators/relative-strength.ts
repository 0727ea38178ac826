import type { BarView } from '../../../src-shared/domain/trading';

/** Relative strength index of closes (Wilder's smoothing), 0..100; null until `length` changes. */
export class RelativeStrengthIndex {
  private previousClose: number | null = null;
  private averageGain = 0;
  private averageLoss = 0;
  private seen = 0;
  /** The latest value. */
  public value: number | null = null;

  public constructor(public readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`an RSI needs a whole length of at least 1, not ${length}`);
  }

  /** Takes a closed bar; returns the new value. */
  public update(bar: BarView): number | null {
    const previous = this.previousClose;
    this.previousClose = bar.close;
    if (previous === null) return null;
    const change = bar.close - previous;
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    if (this.seen < this.length) {
      this.averageGain += gain / this.length;
      this.averageLoss += loss / this.length;
      this.seen++;
      if (this.seen < this.length) return null;
    } else {
      this.averageGain = (this.averageGain * (this.length - 1) + gain) / this.length;
      this.averageLoss = (this.averageLoss * (this.length - 1) + loss) / this.length;
    }
    this.value = this.averageLoss === 0 ? (this.averageGain === 0 ? 50 : 100) : 100 - 100 / (1 + this.averageGain / this.averageLoss);
    return this.value;
  }
}
