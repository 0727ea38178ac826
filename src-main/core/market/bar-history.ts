import type { BarUnit, BarView, ContractView } from '../../../src-shared/domain/trading';
import { ok, type Result } from '../../../src-shared/result';
import type { BrokerPort } from '../ports/broker-port';
import type { BarSeriesKey, StorePort } from '../ports/store-port';
import type { Cancel, Scheduler } from '../scheduler';
import { systemScheduler } from '../system-scheduler';
import { barStart } from '../../../src-shared/exchange';

const approximateUnitMs: Record<BarUnit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 31 * 86_400_000,
};
/** The broker's cap per history request. */

/** A request for the newest `count` bars ending before `to`. */
export interface HistoryRequest {
  readonly contract: ContractView;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly count: number;
  readonly to: number;
}

/** A request for the settled bars of [from, to). */
export interface RangeRequest {
  readonly contract: ContractView;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly from: number;
  readonly to: number;
}

/** Hears how many bars of a range are in so far. */
export type RangeProgress = (loaded: number) => void;

/** Pages of history in flight at once while filling a long range. */
const parallelPages = 4;

/**
 * History through the store's cache: only ranges the cache lacks are fetched, and the bar still
 * forming is always fetched fresh and never cached. Fetched ranges are written to the cache after
 * the answer is returned (the next read writes them first), so a long cold load never waits on disk.
 */
export class BarHistory {
  private unwritten: (() => void)[] = [];
  private cancelWrite: Cancel | undefined;

  public constructor(
    private readonly broker: BrokerPort,
    private readonly store: Pick<StorePort, 'cachedBars' | 'cacheBars'> | undefined,
    /** Timers for the deferred cache write; default the real ones. */
    private readonly scheduler: Scheduler = systemScheduler,
  ) {}

  /** The newest `count` bars before `to`, oldest first. */
  public async load(request: HistoryRequest): Promise<Result<BarView[]>> {
    const { contract, unit, unitNumber, count, to } = request;
    const key: BarSeriesKey = { contractId: contract.id, unit, unitNumber };
    const formingStart = barStart(to, unit, unitNumber);
    // Sessions close nightly and on weekends: look back further than count bars of wall time.
    const from = formingStart - Math.ceil(count * approximateUnitMs[unit] * unitNumber * 1.7) - approximateUnitMs[unit];
    const settled = await this.settled(key, from, formingStart, undefined);
    if (!settled.ok) return settled;
    const forming = await this.broker.bars({ ...key, from: formingStart, to, limit: 1, includePartialBar: true });
    this.cacheLater(settled.value.writes);
    const all = [...settled.value.bars, ...(forming.ok ? forming.value.filter((bar) => bar.time >= formingStart) : [])];
    const unique = new Map(all.map((bar) => [bar.time, bar]));
    return ok([...unique.values()].sort((a, b) => a.time - b.time).slice(-count));
  }

  /**
   * The settled bars of [from, to), oldest first (a backtest's history): the same cache-then-fetch
   * path as `load`, without the forming bar. `progress` hears how many bars are in so far.
   */
  public async range(request: RangeRequest, progress?: RangeProgress): Promise<Result<BarView[]>> {
    const { contract, unit, unitNumber, from, to } = request;
    const settled = await this.settled({ contractId: contract.id, unit, unitNumber }, from, to, progress);
    if (!settled.ok) return settled;
    this.cacheLater(settled.value.writes);
    const unique = new Map(settled.value.bars.filter((bar) => bar.time >= from && bar.time < to).map((bar) => [bar.time, bar]));
    return ok([...unique.values()].sort((a, b) => a.time - b.time));
  }

  /** Writes every fetched range not yet in the cache (before a read, and before the store closes). */
  public writeCache(): void {
    this.cancelWrite?.();
    this.cancelWrite = undefined;
    const writes = this.unwritten;
    this.unwritten = [];
    for (const write of writes) write();
  }

  /** Settled bars of [from, to): the cached ones, and the missing ranges fetched, with their cache writes still to do. */
  private async settled(
    key: BarSeriesKey,
    from: number,
    to: number,
    progress: RangeProgress | undefined,
  ): Promise<Result<{ bars: BarView[]; writes: (() => void)[] }>> {
    const bars: BarView[] = [];
    const writes: (() => void)[] = [];
    const store = this.store;
    if (store === undefined) {
      const fetched = await this.fetch(key, from, to, progress);
      if (!fetched.ok) return fetched;
      for (const bar of fetched.value) bars.push(bar);
      return ok({ bars, writes });
    }
    this.writeCache();
    const cached = store.cachedBars(key, from, to);
    // Spread arguments overflow the stack past ~150k bars: append one by one.
    for (const bar of cached.bars) bars.push(bar);
    progress?.(bars.length);
    for (const [start, end] of cached.missing) {
      const before = bars.length;
      const fetched = await this.fetch(key, start, end, progress === undefined ? undefined : (count) => progress(before + count));
      if (!fetched.ok) return fetched;
      writes.push(() => store.cacheBars(key, start, end, fetched.value));
      for (const bar of fetched.value) bars.push(bar);
    }
    return ok({ bars, writes });
  }

  private cacheLater(writes: readonly (() => void)[]): void {
    if (writes.length === 0) return;
    for (const write of writes) this.unwritten.push(write);
    this.cancelWrite ??= this.scheduler.schedule(0, () => this.writeCache());
  }

  /**
   * Fetches [from, to) oldest first. The broker keeps the newest `limit` bars of a window, so a
   * full page means older bars remain. The first page shows how densely bars fall in time; the rest
   * of the range is cut into windows of about one page each at that density, fetched a few at a
   * time (the broker's latency, not its work, dominates a long load). A window that still comes
   * back full is paged backwards from its oldest bar. `progress` hears the bars fetched so far.
   */
  private async fetch(key: BarSeriesKey, from: number, to: number, progress: RangeProgress | undefined): Promise<Result<BarView[]>> {
    const first = await this.broker.bars({ ...key, from, to, limit: this.broker.maxBarsPerRequest, includePartialBar: false });
    if (!first.ok) return first;
    const newest = first.value.filter((bar) => bar.time >= from && bar.time < to);
    let fetched = newest.length;
    progress?.(fetched);
    const oldest = newest[0];
    if (first.value.length < this.broker.maxBarsPerRequest || oldest === undefined || oldest.time <= from) return ok(newest);
    // Slightly narrower than one page at the first page's density, so most windows fit in one request.
    const windowMs = Math.max(1, Math.floor(((to - oldest.time) / newest.length) * this.broker.maxBarsPerRequest * 0.8));
    const windows: [number, number][] = [];
    for (let end = oldest.time; end > from; end -= windowMs) windows.unshift([Math.max(from, end - windowMs), end]);
    const pages: Result<BarView[]>[] = new Array<Result<BarView[]>>(windows.length);
    let next = windows.length - 1;
    const worker = async (): Promise<void> => {
      while (next >= 0) {
        const index = next--;
        const [start, end] = windows[index] as [number, number];
        const page = await this.fetchWindow(key, start, end);
        pages[index] = page;
        if (!page.ok) next = -1;
        else {
          fetched += page.value.length;
          progress?.(fetched);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelPages, windows.length) }, worker));
    const bars: BarView[] = [];
    for (const page of pages) {
      if (page === undefined) continue;
      if (!page.ok) return page;
      for (const bar of page.value) bars.push(bar);
    }
    for (const bar of newest) bars.push(bar);
    return ok(bars);
  }

  /** Fetches [from, to) oldest first, paging backwards from the oldest bar while pages come back full. */
  private async fetchWindow(key: BarSeriesKey, from: number, to: number): Promise<Result<BarView[]>> {
    const pages: BarView[][] = [];
    let end = to;
    while (end > from) {
      const page = await this.broker.bars({ ...key, from, to: end, limit: this.broker.maxBarsPerRequest, includePartialBar: false });
      if (!page.ok) return page;
      const inside = page.value.filter((bar) => bar.time >= from && bar.time < end);
      pages.unshift(inside);
      const oldest = inside[0];
      if (page.value.length < this.broker.maxBarsPerRequest || oldest === undefined || oldest.time >= end) break;
      end = oldest.time;
    }
    return ok(pages.flat());
  }
}
