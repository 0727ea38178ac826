import { describe, expect, it } from 'vitest';
import { buildRoundTrips, type TripFill } from './round-trips';

const es = { id: 'CON.F.US.EP.Z26', symbol: 'ES', tickValueCents: 1250 };
let nextId = 1;

function fill(side: 'buy' | 'sell', size: number, priceTicks: number, time: number, orderId = 1): TripFill {
  return { id: nextId++, accountId: 7, contractId: es.id, orderId, side, size, priceTicks, feesCents: 140 * size, realizedCents: null, time };
}

describe('round trips', () => {
  it('makes one trip from flat to flat, scaling out at two prices', () => {
    const trips = buildRoundTrips([fill('buy', 2, 100, 1_000), fill('sell', 1, 104, 2_000), fill('sell', 1, 106, 5_000)], () => es, () => null);

    expect(trips).toEqual([
      expect.objectContaining({ side: 'long', size: 2, closedSize: 2, entryTicks: 100, exitTicks: 105, pnlTicks: 10, grossCents: 12_500, feesCents: 560, netCents: 11_940, durationMs: 4_000, source: 'manual', strategyId: null, fills: 3 }),
    ]);
  });

  it('splits a reversal into the trip it closes and the one it opens, fees by size', () => {
    const trips = buildRoundTrips([fill('buy', 1, 100, 1_000), fill('sell', 2, 98, 2_000), fill('buy', 1, 95, 3_000)], () => es, () => null);

    expect(trips.map((trip) => [trip.side, trip.pnlTicks, trip.feesCents, trip.netCents])).toEqual([
      ['long', -2, 280, -2_500 - 280],
      ['short', 3, 280, 3_750 - 280],
    ]);
  });

  it("attributes a trip to the strategy whose order opened it, and uses the broker's P&L when the tick value is unknown", () => {
    const unknown = { id: es.id, symbol: 'ES', tickValueCents: null };
    const trips = buildRoundTrips([fill('sell', 1, 100, 1_000, 55), { ...fill('buy', 1, 96, 2_000, 56), realizedCents: 5_000 }], () => unknown, (orderId) => (orderId === 55 ? 'tf-1' : null));

    expect(trips[0]).toMatchObject({ source: 'strategy', strategyId: 'tf-1', side: 'short', pnlTicks: 4, grossCents: 5_000 });
  });
});
