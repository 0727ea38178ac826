import type { StrategySeries } from '../../../src-shared/domain/strategies';
import type { BarView, ContractView } from '../../../src-shared/domain/trading';
import { ok, type Result } from '../../../src-shared/result';
import type { BrokerPort } from '../ports/broker-port';
import type { BarSeriesKey, StorePort } from '../ports/store-port';

/** The broker's cap per history request. */
const pageSize = 20_000;

/**
 * Settled bars of [from, to), oldest first, through the store's cache: cached ranges are read,
 * missing ones fetched from the broker newest page first (the broker answers the newest `limit`
 * bars of a window) and cached. `progress` hears how many bars are in.
 */
export async function loadBarRange(broker: BrokerPort, store: StorePort | undefined, contract: ContractView, series: StrategySeries, from: number, to: number, progress?: (loaded: number) => void): Promise<Result<BarView[]>> {
  const key: BarSeriesKey = { contractId: contract.id, unit: series.unit, unitNumber: series.unitNumber };
  const cached = store?.cachedBars(key, from, to) ?? { bars: [], missing: [[from, to] as const] };
  const bars: BarView[] = [...cached.bars];
  progress?.(bars.length);
  for (const [start, end] of cached.missing) {
    const fetched = await fetchRange(broker, key, start, end, (count) => progress?.(bars.length + count));
    if (!fetched.ok) return fetched;
    store?.cacheBars(key, start, end, fetched.value);
    // Spread arguments overflow the stack past ~150k bars: append one by one.
    for (const bar of fetched.value) bars.push(bar);
  }
  const unique = new Map(bars.map((bar) => [bar.time, bar]));
  return ok([...unique.values()].filter((bar) => bar.time >= from && bar.time < to).sort((a, b) => a.time - b.time));
}

async function fetchRange(broker: BrokerPort, key: BarSeriesKey, from: number, to: number, progress: (count: number) => void): Promise<Result<BarView[]>> {
  const pages: BarView[][] = [];
  let end = to;
  let count = 0;
  for (;;) {
    const page = await broker.bars({ ...key, from, to: end, limit: pageSize, includePartialBar: false });
    if (!page.ok) return page;
    pages.unshift(page.value);
    count += page.value.length;
    progress(count);
    const oldest = page.value[0];
    if (page.value.length < pageSize || oldest === undefined || oldest.time <= from) break;
    end = oldest.time;
  }
  return ok(pages.flat());
}
