import type { BarUnit, BarView, TapeTrade } from '../../../src-shared/domain/trading';
import { barStart } from '../../../src-shared/exchange';

/** How many recent bars stay mutable for late prints. */
const keptBars = 500;
/** How many recent print keys are remembered to drop a re-sent batch. */
const rememberedPrints = 4096;

/**
 * Builds bars of one series from the tape. A print re-sent in a later batch is dropped; a late
 * print updates the bar it belongs to if that bar is still held; the newest bar is the partial one.
 */
export class BarAggregator {
  private readonly bars: BarView[] = [];
  private readonly seen = new Map<string, number>();
  private batch = 0;

  public constructor(
    public readonly unit: BarUnit,
    public readonly unitNumber: number,
  ) {}

  /** Seeds the series with history (oldest first); live prints then extend it. */
  public seed(history: readonly BarView[]): void {
    this.bars.length = 0;
    this.bars.push(...history.slice(-keptBars));
  }

  /** Applies one batch of prints; returns the bars that changed, oldest first. */
  public apply(trades: readonly TapeTrade[]): BarView[] {
    this.batch++;
    const changed = new Map<number, BarView>();
    for (const trade of trades) {
      const printKey = `${trade.time}|${trade.priceTicks}|${trade.size}|${trade.side}`;
      const firstBatch = this.seen.get(printKey);
      if (firstBatch !== undefined && firstBatch !== this.batch) continue;
      this.remember(printKey);
      const bar = this.applyPrint(trade);
      if (bar !== undefined) changed.set(bar.time, bar);
    }
    return [...changed.values()].sort((a, b) => a.time - b.time);
  }

  /** The bars held, oldest first. */
  public snapshot(): readonly BarView[] {
    return this.bars;
  }

  private applyPrint(trade: TapeTrade): BarView | undefined {
    const time = barStart(trade.time, this.unit, this.unitNumber);
    const index = this.findIndex(time);
    const existing = index >= 0 ? this.bars[index] : undefined;
    if (existing !== undefined) {
      const updated: BarView = {
        time,
        open: existing.open,
        high: Math.max(existing.high, trade.priceTicks),
        low: Math.min(existing.low, trade.priceTicks),
        // A late print changes the close only if it is not older than the bar's last print: unknown here, so keep the close.
        close: index === this.bars.length - 1 ? trade.priceTicks : existing.close,
        volume: existing.volume + trade.size,
      };
      this.bars[index] = updated;
      return updated;
    }
    const first = this.bars[0];
    if (first !== undefined && time < first.time && this.bars.length >= keptBars) return undefined;
    const bar: BarView = { time, open: trade.priceTicks, high: trade.priceTicks, low: trade.priceTicks, close: trade.priceTicks, volume: trade.size };
    const insertAt = -index - 1;
    this.bars.splice(insertAt, 0, bar);
    if (this.bars.length > keptBars) this.bars.shift();
    return bar;
  }

  /** Binary search: the index of the bar at `time`, or -(insertion point) - 1. */
  private findIndex(time: number): number {
    let low = 0;
    let high = this.bars.length - 1;
    const last = this.bars[high];
    if (last !== undefined && last.time === time) return high;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const bar = this.bars[middle];
      if (bar === undefined) break;
      if (bar.time === time) return middle;
      if (bar.time < time) low = middle + 1;
      else high = middle - 1;
    }
    return -low - 1;
  }

  private remember(printKey: string): void {
    this.seen.set(printKey, this.batch);
    if (this.seen.size <= rememberedPrints) return;
    const oldest = this.seen.keys().next();
    if (oldest.done !== true) this.seen.delete(oldest.value);
  }
}
