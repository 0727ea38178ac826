import type { BarView } from '../../../src-shared/domain/trading';
import { RollingWindow } from './rolling-window';

/** A middle line with bands around it, in ticks. */
export interface Bands {
  readonly middle: number;
  readonly upper: number;
  readonly lower: number;
  /** The standard deviation the bands are built from. */
  readonly deviation: number;
}

/** Bollinger bands: the SMA of closes ± `multiplier` population standard deviations. */
export class BollingerBands {
  private readonly window: RollingWindow;
  /** The latest bands; null until `length` bars. */
  public value: Bands | null = null;

  public constructor(
    public readonly length: number,
    public readonly multiplier: number,
  ) {
    this.window = new RollingWindow(length);
  }

  /** Takes a closed bar; returns the new bands. */
  public update(bar: BarView): Bands | null {
    this.window.push(bar.close);
    if (!this.window.full) return (this.value = null);
    const middle = this.window.mean();
    const deviation = this.window.deviation();
    this.value = { middle, upper: middle + this.multiplier * deviation, lower: middle - this.multiplier * deviation, deviation };
    return this.value;
  }
}
