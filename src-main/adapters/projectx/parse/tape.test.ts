import { describe, expect, it } from 'vitest';
import { loadFixtureObject } from '../testing/fixtures';
import { tapeTrades } from './tape';

const receivedAt = Date.UTC(2026, 6, 31, 20);

describe('market trade payloads', () => {
  it('reads a batch of prints with the aggressor side', () => {
    const capture = loadFixtureObject('hub-market-trade-1.json');

    const batch = tapeTrades('CON.F.US.MNQ.U26', capture.payload, 0.25, receivedAt);

    expect(batch.skipped).toEqual([]);
    expect(batch.trades).toHaveLength(15);
    expect(batch.trades[0]).toEqual({
      contractId: 'CON.F.US.MNQ.U26',
      priceTicks: 113778,
      size: 1,
      side: 'sell',
      time: Date.UTC(2026, 6, 31, 19, 32, 13, 716),
    });
  });

  it('accepts the single-object form the docs show, and skips nulls', () => {
    const print = { symbolId: 'F.US.EP', price: 6000.25, timestamp: '2026-07-31T19:32:13Z', type: 0, volume: 3 };

    expect(tapeTrades('CON.F.US.EP.Z26', print, 0.25, receivedAt).trades).toEqual([
      { contractId: 'CON.F.US.EP.Z26', priceTicks: 24001, size: 3, side: 'buy', time: Date.UTC(2026, 6, 31, 19, 32, 13) },
    ]);
    expect(tapeTrades('CON.F.US.EP.Z26', [null, print, null], 0.25, receivedAt).trades).toHaveLength(1);
  });

  it('skips an off-grid print and says why, keeping the others', () => {
    const good = { price: 6000.25, timestamp: '2026-07-31T19:32:13Z', type: 1, volume: 1 };

    const batch = tapeTrades('CON.F.US.EP.Z26', [good, { ...good, price: 6000.3 }, { price: 'x' }], 0.25, receivedAt);

    expect(batch.trades).toHaveLength(1);
    expect(batch.skipped).toHaveLength(2);
  });
});
