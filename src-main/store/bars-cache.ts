import type { Database, Statement } from 'better-sqlite3';
import type { BarSeriesKey } from '../core/ports/store-port';
import type { EpochMs } from '../../src-shared/domain/ids';
import type { BarView } from '../../src-shared/domain/trading';
import { missingRanges, type TimeRange } from './bar-ranges';
import { requireInteger, requireText } from './checks';
import type { WriteBatcher } from './write-batcher';

type Series = [contractId: string, unit: string, unitNumber: number];
type Bounds = [...Series, from: EpochMs, to: EpochMs];

/**
 * Bars per series (contract, unit, unit number) and the time ranges already fetched, so a chart
 * asks the broker only for what is missing. Covered ranges are merged when they touch.
 */
export class BarsCache {
  private readonly selectBars: Statement<Bounds, BarView>;
  private readonly selectCovered: Statement<[...Series, to: EpochMs, from: EpochMs], { readonly from_ms: number; readonly to_ms: number }>;
  private readonly deleteBars: Statement<Bounds>;
  private readonly insertBar: Statement<[...Series, number, number, number, number, number, number]>;
  private readonly mergeBounds: Statement<[...Series, to: EpochMs, from: EpochMs], { readonly low: number | null; readonly high: number | null }>;
  private readonly deleteTouching: Statement<[...Series, to: EpochMs, from: EpochMs]>;
  private readonly insertRange: Statement<Bounds>;

  public constructor(
    db: Database,
    private readonly batcher: WriteBatcher,
  ) {
    const series = 'contract_id = ? AND unit = ? AND unit_number = ?';
    this.selectBars = db.prepare(`SELECT time, open, high, low, close, volume FROM bars WHERE ${series} AND time >= ? AND time < ? ORDER BY time`);
    this.selectCovered = db.prepare(`SELECT from_ms, to_ms FROM bar_ranges WHERE ${series} AND from_ms < ? AND to_ms > ? ORDER BY from_ms`);
    this.deleteBars = db.prepare(`DELETE FROM bars WHERE ${series} AND time >= ? AND time < ?`);
    this.insertBar = db.prepare(`
      INSERT INTO bars (contract_id, unit, unit_number, time, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume`);
    // Touching counts as overlapping, so [0, 10) and [10, 20) become [0, 20).
    const touching = `${series} AND from_ms <= ? AND to_ms >= ?`;
    this.mergeBounds = db.prepare(`SELECT min(from_ms) AS low, max(to_ms) AS high FROM bar_ranges WHERE ${touching}`);
    this.deleteTouching = db.prepare(`DELETE FROM bar_ranges WHERE ${touching}`);
    this.insertRange = db.prepare('INSERT INTO bar_ranges (contract_id, unit, unit_number, from_ms, to_ms) VALUES (?, ?, ?, ?, ?)');
  }

  /** Bars in [from, to), oldest first, and the parts of [from, to) not cached yet. */
  public cachedBars(key: BarSeriesKey, from: EpochMs, to: EpochMs): { readonly bars: BarView[]; readonly missing: readonly TimeRange[] } {
    this.batcher.flush();
    if (!(from < to)) return { bars: [], missing: [] };
    const series = seriesOf(key);
    const covered = this.selectCovered.all(...series, to, from).map((row): TimeRange => [row.from_ms, row.to_ms]);
    return { bars: this.selectBars.all(...series, from, to), missing: missingRanges(covered, from, to) };
  }

  /**
   * Replaces the cached bars of [from, to) with these (bars outside the range are ignored) and
   * marks the range covered.
   */
  public cacheBars(key: BarSeriesKey, from: EpochMs, to: EpochMs, bars: readonly BarView[]): void {
    requireText(key.contractId, 'bar series contractId');
    requireInteger(key.unitNumber, 'bar series unitNumber');
    requireInteger(from, 'bars from');
    requireInteger(to, 'bars to');
    if (!(from < to)) return;
    const inside = bars.filter((bar) => bar.time >= from && bar.time < to);
    for (const bar of inside) {
      for (const value of [bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume]) requireInteger(value, 'bar field');
    }
    const series = seriesOf(key);
    this.batcher.enqueue(() => {
      this.deleteBars.run(...series, from, to);
      for (const bar of inside) this.insertBar.run(...series, bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume);
      const bounds = this.mergeBounds.get(...series, to, from);
      this.deleteTouching.run(...series, to, from);
      this.insertRange.run(...series, Math.min(from, bounds?.low ?? from), Math.max(to, bounds?.high ?? to));
    });
  }
}

function seriesOf(key: BarSeriesKey): Series {
  return [key.contractId, key.unit, key.unitNumber];
}
