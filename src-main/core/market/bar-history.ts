import type { BarUnit, BarView, ContractView } from '../../../src-shared/domain/trading';
import { ok, type Result } from '../../../src-shared/result';
import type { BrokerPort } from '../ports/broker-port';
import type { BarSeriesKey, StorePort } from '../ports/store-port';
import { barStart } from './bar-buckets';

const approximateUnitMs: Record<BarUnit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 31 * 86_400_000,
};
/** The broker's cap per history request. */
const maxBarsPerRequest = 20_000;

/** A request for the newest `count` bars ending before `to`. */
export interface HistoryRequest {
  readonly contract: ContractView;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly count: number;
  readonly to: number;
}

/**
 * History through the store's cache: only ranges the cache lacks are fetched, and the bar still
 * forming is always fetched fresh and never cached.
 */
export class BarHistory {
  public constructor(
    private readonly broker: BrokerPort,
    private readonly store: StorePort | undefined,
  ) {}

  /** The newest `count` bars before `to`, oldest first. */
  public async load(request: HistoryRequest): Promise<Result<BarView[]>> {
    const { contract, unit, unitNumber, count, to } = request;
    const key: BarSeriesKey = { contractId: contract.id, unit, unitNumber };
    const formingStart = barStart(to, unit, unitNumber);
    // Sessions close nightly and on weekends: look back further than count bars of wall time.
    const from = formingStart - Math.ceil(count * approximateUnitMs[unit] * unitNumber * 1.7) - approximateUnitMs[unit];
    const settled: BarView[] = [];
    if (this.store === undefined) {
      const fetched = await this.fetch(key, from, formingStart);
      if (!fetched.ok) return fetched;
      for (const bar of fetched.value) settled.push(bar);
    } else {
      const cached = this.store.cachedBars(key, from, formingStart);
      // Spread arguments overflow the stack past ~150k bars: append one by one.
      for (const bar of cached.bars) settled.push(bar);
      for (const [start, end] of cached.missing) {
        const fetched = await this.fetch(key, start, end);
        if (!fetched.ok) return fetched;
        this.store.cacheBars(key, start, end, fetched.value);
        for (const bar of fetched.value) settled.push(bar);
      }
    }
    const forming = await this.broker.bars({ ...key, from: formingStart, to, limit: 1, includePartialBar: true });
    const all = [...settled, ...(forming.ok ? forming.value.filter((bar) => bar.time >= formingStart) : [])];
    const unique = new Map(all.map((bar) => [bar.time, bar]));
    return ok([...unique.values()].sort((a, b) => a.time - b.time).slice(-count));
  }

  /**
   * Fetches [from, to) oldest first. The broker keeps the newest `limit` bars of a window, so a
   * full page means older bars remain: page backwards from the oldest bar received.
   */
  private async fetch(key: BarSeriesKey, from: number, to: number): Promise<Result<BarView[]>> {
    const pages: BarView[][] = [];
    let end = to;
    while (end > from) {
      const page = await this.broker.bars({ ...key, from, to: end, limit: maxBarsPerRequest, includePartialBar: false });
      if (!page.ok) return page;
      const inside = page.value.filter((bar) => bar.time >= from && bar.time < end);
      pages.unshift(inside);
      const oldest = inside[0];
      if (page.value.length < maxBarsPerRequest || oldest === undefined || oldest.time >= end) break;
      end = oldest.time;
    }
    return ok(pages.flat());
  }
}
