import type { ContractId } from '../../../src-shared/domain/ids';
import type { BarUpdate } from '../../../src-shared/domain/market-data';
import type { BarUnit, BarView, TapeTrade } from '../../../src-shared/domain/trading';
import { BarAggregator } from './bar-aggregator';

/** One bar series a client watches. */
export interface SeriesKey {
  readonly contractId: ContractId;
  readonly unit: BarUnit;
  readonly unitNumber: number;
}

/** Most series kept live at once; the least recently requested goes first. */
const maxSeries = 64;

/**
 * Live bars of every series a client asked history for: seeded with that history, then extended
 * from the tape (late and re-sent prints handled by the aggregator).
 */
export class LiveBars {
  private readonly series = new Map<string, { readonly key: SeriesKey; readonly aggregator: BarAggregator }>();

  /** Starts (or restarts) a series from its history. */
  public watch(key: SeriesKey, history: readonly BarView[]): void {
    const id = seriesId(key);
    this.series.delete(id);
    const aggregator = new BarAggregator(key.unit, key.unitNumber);
    aggregator.seed(history);
    this.series.set(id, { key, aggregator });
    if (this.series.size > maxSeries) {
      const oldest = this.series.keys().next();
      if (oldest.done !== true) this.series.delete(oldest.value);
    }
  }

  /** Applies a batch of prints; returns the bars that changed, per series. */
  public apply(contractId: ContractId, trades: readonly TapeTrade[]): BarUpdate[] {
    const updates: BarUpdate[] = [];
    for (const { key, aggregator } of this.series.values()) {
      if (key.contractId !== contractId) continue;
      for (const bar of aggregator.apply(trades)) updates.push({ ...key, bar });
    }
    return updates;
  }
}

function seriesId(key: SeriesKey): string {
  return `${key.contractId}|${key.unit}|${key.unitNumber}`;
}
