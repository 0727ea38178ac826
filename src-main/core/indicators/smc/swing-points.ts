import type { BarView } from '../../../../src-shared/domain/trading';

/** A confirmed swing: a bar whose high (or low) stands above (below) `length` bars on each side. */
export interface SwingPoint {
  readonly kind: 'high' | 'low';
  readonly time: number;
  readonly priceTicks: number;
  /** The bar that confirmed it (`length` bars later). */
  readonly confirmedAt: number;
}

/**
 * Finds swing highs and lows incrementally. A swing is known only `length` bars after it: the bar
 * must stand strictly above the `length` bars before it and at least level with the `length` after.
 */
export class SwingPoints {
  private readonly bars: BarView[] = [];
  /** The latest confirmed swing high and low. */
  public lastHigh: SwingPoint | null = null;
  public lastLow: SwingPoint | null = null;

  public constructor(public readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`swings need a whole length of at least 1, not ${length}`);
  }

  /** Takes a closed bar; returns the swings it confirmed (none, one, or a high and a low). */
  public update(bar: BarView): SwingPoint[] {
    this.bars.push(bar);
    const span = 2 * this.length + 1;
    if (this.bars.length > span) this.bars.shift();
    if (this.bars.length < span) return [];
    const candidate = this.bars[this.length];
    if (candidate === undefined) return [];
    let isHigh = true;
    let isLow = true;
    for (let index = 0; index < span && (isHigh || isLow); index++) {
      if (index === this.length) continue;
      const other = this.bars[index];
      if (other === undefined) continue;
      const before = index < this.length;
      if (before ? other.high >= candidate.high : other.high > candidate.high) isHigh = false;
      if (before ? other.low <= candidate.low : other.low < candidate.low) isLow = false;
    }
    const found: SwingPoint[] = [];
    if (isHigh) {
      this.lastHigh = { kind: 'high', time: candidate.time, priceTicks: candidate.high, confirmedAt: bar.time };
      found.push(this.lastHigh);
    }
    if (isLow) {
      this.lastLow = { kind: 'low', time: candidate.time, priceTicks: candidate.low, confirmedAt: bar.time };
      found.push(this.lastLow);
    }
    return found;
  }
}
