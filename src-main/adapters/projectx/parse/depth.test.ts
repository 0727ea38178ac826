import { describe, expect, it } from 'vitest';
import { loadFixtureArray } from '../testing/fixtures';
import { depthChanges } from './depth';

describe('market depth payloads', () => {
  it('reads a Reset entry as a cleared book', () => {
    const [, entries] = loadFixtureArray('hub-market-depth-args-1.json');

    expect(depthChanges(entries, 0.25)).toEqual({ reset: true, levels: [], skipped: [] });
  });

  it('keeps best bid and ask levels and leaves out volume-at-price, trade and session high/low entries', () => {
    const [, entries] = loadFixtureArray('hub-market-depth-args-2.json');

    const batch = depthChanges(entries, 0.25);

    expect(batch.reset).toBe(false);
    expect(batch.levels).toEqual([
      { side: 'ask', priceTicks: 23768, size: 8 },
      { side: 'bid', priceTicks: 23767, size: 9 },
    ]);
  });

  it('skips null entries of an incremental update', () => {
    const [, entries] = loadFixtureArray('hub-market-depth-args-3.json');

    expect(depthChanges(entries, 0.25)).toEqual({ reset: false, levels: [{ side: 'ask', priceTicks: 24010, size: 38 }], skipped: [] });
  });

  it('accepts a single object, drops levels before a Reset, and removes a level with size 0', () => {
    const bid = { type: 2, price: 100.25, volume: 4, currentVolume: 0, timestamp: '0001-01-01T00:00:00+00:00' };

    expect(depthChanges(bid, 0.25).levels).toEqual([{ side: 'bid', priceTicks: 401, size: 4 }]);
    expect(depthChanges([bid, { type: 6, price: 0, volume: 0 }, { ...bid, type: 1, volume: 0 }], 0.25)).toEqual({
      reset: true,
      levels: [{ side: 'ask', priceTicks: 401, size: 0 }],
      skipped: [],
    });
  });

  it('skips an off-grid level and says why', () => {
    const batch = depthChanges([{ type: 1, price: 100.3, volume: 1 }], 0.25);

    expect(batch.levels).toEqual([]);
    expect(batch.skipped).toHaveLength(1);
  });
});
