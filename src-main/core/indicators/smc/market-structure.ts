import type { BarView } from '../../../../src-shared/domain/trading';
import type { SwingPoint } from './swing-points';

/** A break of structure: a close beyond the latest swing high (up) or low (down). */
export interface StructureBreak {
  readonly kind: 'bos-up' | 'bos-down';
  readonly swing: SwingPoint;
  readonly time: number;
  readonly closeTicks: number;
}

/**
 * Breaks of structure. Each swing can be broken once; the trend is the direction of the latest
 * break (a break against it is what some call a change of character).
 */
export class MarketStructure {
  private high: SwingPoint | null = null;
  private low: SwingPoint | null = null;
  /** The direction of the latest break; null before the first. */
  public trend: 'up' | 'down' | null = null;

  /** A newly confirmed swing becomes the level to break. */
  public takeSwing(swing: SwingPoint): void {
    if (swing.kind === 'high') this.high = swing;
    else this.low = swing;
  }

  /** Takes a closed bar; returns the break it made, if any. */
  public update(bar: BarView): StructureBreak | null {
    if (this.high !== null && bar.close > this.high.priceTicks) {
      const swing = this.high;
      this.high = null;
      this.trend = 'up';
      return { kind: 'bos-up', swing, time: bar.time, closeTicks: bar.close };
    }
    if (this.low !== null && bar.close < this.low.priceTicks) {
      const swing = this.low;
      this.low = null;
      this.trend = 'down';
      return { kind: 'bos-down', swing, time: bar.time, closeTicks: bar.close };
    }
    return null;
  }
}
