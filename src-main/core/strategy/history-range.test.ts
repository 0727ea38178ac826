import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../src-shared/domain/trading';
import { ok } from '../../../src-shared/result';
import type { BarsRequest, BrokerPort } from '../ports/broker-port';
import { esContract } from '../testing/fake-broker';
import { loadBarRange } from './history-range';
import { MemoryStore } from './testing/memory-store';

const start = Date.parse('2026-10-01T00:00:00Z');
const all: BarView[] = Array.from({ length: 45_000 }, (_, index) => ({ time: start + index * 60_000, open: 1, high: 2, low: 1, close: 2, volume: 1 }));

describe('bar range loading', () => {
  it('pages back through the broker’s 20,000-bar answers (newest first) and caches the range', async () => {
    const requests: BarsRequest[] = [];
    const broker = {
      async bars(request: BarsRequest) {
        requests.push(request);
        // Like the broker: the newest `limit` bars of the window, oldest first.
        return ok(all.filter((bar) => bar.time >= request.from && bar.time < request.to).slice(-request.limit));
      },
    } as unknown as BrokerPort;
    const store = new MemoryStore();
    const loaded: number[] = [];

    const loadedBars = await loadBarRange(broker, store, esContract, { unit: 'minute', unitNumber: 1 }, start, start + 45_000 * 60_000, (count) => loaded.push(count));

    const bars = loadedBars.ok ? loadedBars.value : [];
    expect(bars).toHaveLength(45_000);
    expect(bars[0]?.time).toBe(start);
    expect(requests.map((request) => request.to)).toEqual([start + 45_000 * 60_000, start + 25_000 * 60_000, start + 5_000 * 60_000]);
    expect(store.cachedRanges).toEqual([[start, start + 45_000 * 60_000, 45_000]]);
    expect(loaded.at(-1)).toBe(45_000);
  });
});
