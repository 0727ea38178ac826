import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../../src-shared/domain/trading';
import { ok } from '../../../../src-shared/result';
import { loadDepth, type BarsLoader } from './chart-history';

function history(length: number): BarView[] {
  return Array.from({ length }, (_, index) => ({ time: (index + 1) * 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 }));
}

/** A broker with `length` minute bars that serves pages like market.bars. */
function broker(length: number, calls: { to: number | undefined; count: number }[]): BarsLoader {
  const all = history(length);
  return async (page) => {
    calls.push(page);
    const end = page.to === undefined ? all.length : all.findIndex((bar) => bar.time >= (page.to ?? 0));
    const stop = end === -1 ? all.length : end;
    return ok(all.slice(Math.max(0, stop - page.count), stop));
  };
}

describe('history depth', () => {
  it('loads 100,000 bars in one call', async () => {
    const calls: { to: number | undefined; count: number }[] = [];

    const loaded = await loadDepth(broker(150_000, calls), 100_000, () => true);

    expect(loaded.ok && loaded.bars.length).toBe(100_000);
    expect(calls).toEqual([{ to: undefined, count: 100_000 }]);
  });

  it('asks for older bars with `to` set to the oldest bar when an answer is short', async () => {
    const calls: { to: number | undefined; count: number }[] = [];
    const full = broker(50_000, calls);
    let first = true;
    const short: BarsLoader = async (page) => {
      const answer = await full(first ? { ...page, count: 30_000 } : page);
      first = false;
      return answer;
    };

    const loaded = await loadDepth(short, 45_000, () => true);

    expect(loaded.ok && loaded.bars.length).toBe(45_000);
    expect(calls[1]).toEqual({ to: (50_000 - 30_000 + 1) * 60_000, count: 15_000 });
  });

  it('stops when the broker has nothing older', async () => {
    const calls: { to: number | undefined; count: number }[] = [];

    const loaded = await loadDepth(broker(300, calls), 2000, () => true);

    expect(loaded.ok && loaded.bars.length).toBe(300);
    expect(calls).toHaveLength(2);
  });
});
