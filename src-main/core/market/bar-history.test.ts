import { describe, expect, it } from 'vitest';
import type { EpochMs } from '../../../src-shared/domain/ids';
import type { BarView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { BarsRequest } from '../ports/broker-port';
import type { BarSeriesKey } from '../ports/store-port';
import { esContract, FakeBroker } from '../testing/fake-broker';
import { BarHistory } from './bar-history';

const minute = 60_000;
const day = 1440 * minute;
const now = Date.parse('2026-11-18T16:00:30Z');

/**
 * A broker answering like ProjectX (the newest `limit` bars of the window) from a fixed list of
 * bar times, counting how many requests are in flight at once.
 */
class ListBroker extends FakeBroker {
  public readonly requests: BarsRequest[] = [];
  public inFlight = 0;
  public mostInFlight = 0;
  public failWhen: ((request: BarsRequest) => boolean) | undefined;

  public constructor(private readonly times: readonly number[]) {
    super();
  }

  public override async bars(request: BarsRequest): Promise<Result<BarView[]>> {
    this.requests.push(request);
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.inFlight--;
    if (this.failWhen?.(request) === true) return fail('broker-rejected', 'history refused');
    const bars = this.times
      .filter((time) => time >= request.from && time < request.to)
      .map((time) => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 1 }));
    return ok(bars.slice(-request.limit));
  }
}

/** Minute bars for ever, up to `now`. */
function everyMinute(days: number): number[] {
  const times: number[] = [];
  for (let time = Math.floor(now / minute) * minute - days * day; time <= now; time += minute) times.push(time);
  return times;
}

/** Bars every other minute for the last 40 days and every minute before, with a one-hour break a day. */
function denserBack(days: number): number[] {
  return everyMinute(days).filter((time) => {
    const minuteOfDay = Math.floor(time / minute) % 1440;
    if (minuteOfDay >= 1380) return false;
    return now - time > 40 * day || minuteOfDay % 2 === 0;
  });
}

/** A cache that keeps what it was given, in memory. */
class MemoryCache {
  public readonly writes: [EpochMs, EpochMs, number][] = [];
  private readonly bars = new Map<number, BarView>();
  private readonly covered: [EpochMs, EpochMs][] = [];

  public cachedBars(_key: BarSeriesKey, from: EpochMs, to: EpochMs): { bars: BarView[]; missing: [EpochMs, EpochMs][] } {
    const inside = this.covered.find(([start, end]) => start <= from && to <= end);
    if (inside === undefined) return { bars: [], missing: [[from, to]] };
    return { bars: [...this.bars.values()].filter((bar) => bar.time >= from && bar.time < to).sort((a, b) => a.time - b.time), missing: [] };
  }

  public cacheBars(_key: BarSeriesKey, from: EpochMs, to: EpochMs, bars: readonly BarView[]): void {
    this.writes.push([from, to, bars.length]);
    this.covered.push([from, to]);
    for (const bar of bars) this.bars.set(bar.time, bar);
  }
}

/** The answer is the newest `count` bars the broker has (the forming one last), none missing or repeated. */
function expectNewestBars(result: Result<BarView[]>, times: readonly number[], count: number): void {
  const bars = result.ok ? result.value : [];
  const formingStart = Math.floor(now / minute) * minute;
  const settled = times.filter((time) => time < formingStart);
  expect(bars).toHaveLength(count);
  expect(bars.map((bar) => bar.time)).toEqual([...settled.slice(-(count - 1)), formingStart]);
}

describe('bar history', () => {
  it('pages past the broker cap to return the newest count bars, oldest first, without gaps or repeats', async () => {
    const times = everyMinute(80);
    const broker = new ListBroker(times);
    const history = new BarHistory(broker, undefined);

    const result = await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 50_000, to: now });

    expectNewestBars(result, times, 50_000);
    expect(broker.requests.filter((request) => !request.includePartialBar).length).toBeGreaterThanOrEqual(3);
  });

  it('fetches the older pages a few at a time instead of one after another', async () => {
    const broker = new ListBroker(everyMinute(120));
    const history = new BarHistory(broker, undefined);

    await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 100_000, to: now });

    expect(broker.mostInFlight).toBeGreaterThan(1);
    expect(broker.mostInFlight).toBeLessThanOrEqual(4);
  });

  it('pages backwards inside a window that holds more bars than the first page suggested', async () => {
    // The first page is sparse, so windows sized by it hold more than a page of the denser past.
    const times = denserBack(120);
    const broker = new ListBroker(times);
    const history = new BarHistory(broker, undefined);

    const result = await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 60_000, to: now });

    expectNewestBars(result, times, 60_000);
    // Some window was asked for twice from the same start: it was paged.
    const windowStarts = broker.requests
      .slice(1)
      .filter((request) => !request.includePartialBar)
      .map((request) => request.from);
    expect(new Set(windowStarts).size).toBeLessThan(windowStarts.length);
  });

  it('fails the load when any page is refused, rather than returning history with a hole', async () => {
    const broker = new ListBroker(everyMinute(120));
    broker.failWhen = (request) => request.to < now - 60 * day && request.to > now - 70 * day;
    const history = new BarHistory(broker, undefined);

    const result = await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 100_000, to: now });

    expect(result.ok).toBe(false);
  });

  it('writes fetched bars to the cache after answering, and serves the next load from it', async () => {
    const times = everyMinute(30);
    const broker = new ListBroker(times);
    const cache = new MemoryCache();
    const history = new BarHistory(broker, cache);

    const first = await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 20_000, to: now });
    const writesRightAfter = cache.writes.length;
    const requestsAfterFirst = broker.requests.length;
    const second = await history.load({ contract: esContract, unit: 'minute', unitNumber: 1, count: 20_000, to: now });

    expect(writesRightAfter).toBe(0);
    expect(cache.writes).toHaveLength(1);
    expectNewestBars(first, times, 20_000);
    expect(second).toEqual(first);
    // Only the forming bar is asked for again.
    expect(broker.requests.slice(requestsAfterFirst).map((request) => request.includePartialBar)).toEqual([true]);
  });
});

describe('bar history ranges', () => {
  const start = Date.parse('2026-10-01T00:00:00Z');
  const times = Array.from({ length: 45_000 }, (_, index) => start + index * minute);
  const range = { contract: esContract, unit: 'minute' as const, unitNumber: 1, from: start, to: start + 45_000 * minute };

  it('loads the settled bars of a period past the broker cap in parallel windows, reports progress, and caches the range after answering', async () => {
    const broker = new ListBroker(times);
    const cache = new MemoryCache();
    const history = new BarHistory(broker, cache);
    const loaded: number[] = [];

    const result = await history.range(range, (count) => loaded.push(count));
    const writesRightAfter = cache.writes.length;
    history.writeCache();

    const bars = result.ok ? result.value : [];
    expect(bars).toHaveLength(45_000);
    expect(bars[0]?.time).toBe(start);
    expect(bars.at(-1)?.time).toBe(start + 44_999 * minute);
    // The newest page, then the older windows at once.
    expect(broker.requests.map((request) => (request.to - start) / minute)).toEqual([45_000, 25_000, 9_000]);
    expect(broker.mostInFlight).toBe(2);
    expect(loaded[0]).toBe(0);
    expect(loaded.at(-1)).toBe(45_000);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(writesRightAfter).toBe(0);
    expect(cache.writes).toEqual([[range.from, range.to, 45_000]]);
  });

  it('serves a cached range without asking the broker', async () => {
    const broker = new ListBroker(times);
    const history = new BarHistory(broker, new MemoryCache());
    await history.range(range);
    const asked = broker.requests.length;

    const again = await history.range({ ...range, from: start + 1_000 * minute, to: start + 2_000 * minute });

    expect(broker.requests).toHaveLength(asked);
    expect(again.ok && again.value.map((bar) => bar.time)).toEqual(times.slice(1_000, 2_000));
  });
});
