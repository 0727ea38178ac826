/**
 * The last `length` values with their running sum and sum of squares. Prices are integer ticks,
 * so both sums stay exact in doubles (no drift over a year of bars).
 */
export class RollingWindow {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;
  private total = 0;
  private squares = 0;

  public constructor(public readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`a window needs a whole length of at least 1, not ${length}`);
    this.values = new Float64Array(length);
  }

  /** Adds a value, dropping the oldest once full. */
  public push(value: number): void {
    if (this.filled === this.length) {
      const dropped = this.values[this.next] ?? 0;
      this.total -= dropped;
      this.squares -= dropped * dropped;
    } else {
      this.filled++;
    }
    this.values[this.next] = value;
    this.total += value;
    this.squares += value * value;
    this.next = (this.next + 1) % this.length;
  }

  /** True once `length` values were pushed. */
  public get full(): boolean {
    return this.filled === this.length;
  }

  /** How many values it holds. */
  public get count(): number {
    return this.filled;
  }

  /** The mean of the values held (NaN when empty). */
  public mean(): number {
    return this.total / this.filled;
  }

  /** The population standard deviation of the values held. */
  public deviation(): number {
    const mean = this.mean();
    return Math.sqrt(Math.max(0, this.squares / this.filled - mean * mean));
  }
}
