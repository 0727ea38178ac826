import type { BarView } from '../../../src-shared/domain/trading';
import { RollingWindow } from './rolling-window';

/** Simple moving average of closes, in ticks; null until `length` bars. */
export class SimpleMovingAverage {
  private readonly window: RollingWindow;
  /** The latest value. */
  public value: number | null = null;

  public constructor(public readonly length: number) {
    this.window = new RollingWindow(length);
  }

  /** Takes a closed bar; returns the new value. */
  public update(bar: BarView): number | null {
    return this.push(bar.close);
  }

  /** Takes a raw value (for averages of something other than the close). */
  public push(value: number): number | null {
    this.window.push(value);
    this.value = this.window.full ? this.window.mean() : null;
    return this.value;
  }
}

/** Exponential moving average of closes (α = 2 / (length + 1)), seeded with the first `length` bars' mean. */
export class ExponentialMovingAverage {
  private readonly alpha: number;
  private seedSum = 0;
  private seen = 0;
  /** The latest value; null until `length` bars. */
  public value: number | null = null;

  public constructor(public readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`an EMA needs a whole length of at least 1, not ${length}`);
    this.alpha = 2 / (length + 1);
  }

  /** Takes a closed bar; returns the new value. */
  public update(bar: BarView): number | null {
    return this.push(bar.close);
  }

  /** Takes a raw value. */
  public push(value: number): number | null {
    if (this.value !== null) {
      this.value += this.alpha * (value - this.value);
      return this.value;
    }
    this.seedSum += value;
    this.seen++;
    if (this.seen === this.length) this.value = this.seedSum / this.length;
    return this.value;
  }
}
