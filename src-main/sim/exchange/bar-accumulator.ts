/**
 * Open, high, low, close and volume gathered in time order. Prices are integer ticks; a piece
 * without volume adds nothing, so empty time never makes a bar.
 */
export class BarAccumulator {
  public open = 0;
  public high = 0;
  public low = 0;
  public close = 0;
  public volume = 0;

  /** Whether anything traded. */
  public get isEmpty(): boolean {
    return this.volume === 0;
  }

  /** Adds the next piece of the tape (it must not be earlier than what came before). */
  public add(open: number, high: number, low: number, close: number, volume: number): void {
    if (volume <= 0) return;
    if (this.volume === 0) {
      this.open = open;
      this.high = high;
      this.low = low;
    } else {
      if (high > this.high) this.high = high;
      if (low < this.low) this.low = low;
    }
    this.close = close;
    this.volume += volume;
  }

  /** Adds one print. */
  public addPrint(priceTicks: number, size: number): void {
    this.add(priceTicks, priceTicks, priceTicks, priceTicks, size);
  }

  /** Starts over. */
  public reset(): void {
    this.open = 0;
    this.high = 0;
    this.low = 0;
    this.close = 0;
    this.volume = 0;
  }
}
