import { describe, expect, it } from 'vitest';
import type { OrderCause } from '../../../src-shared/domain/order-cause';
import { buildRoundTrips, RoundTripTracker, type TripFill } from './round-trips';

const es = { id: 'CON.F.US.EP.Z26', symbol: 'ES', tickValueCents: 1250 };
let nextId = 1;

function fill(side: 'buy' | 'sell', size: number, priceTicks: number, time: number, orderId = 1): TripFill {
  return { id: nextId++, accountId: 7, contractId: es.id, orderId, side, size, priceTicks, feesCents: 140 * size, realizedCents: null, time };
}

function caused(cause: OrderCause, side: 'buy' | 'sell', size: number, priceTicks: number, time: number, orderId = 1): TripFill {
  return { ...fill(side, size, priceTicks, time, orderId), cause };
}

describe('round trips', () => {
  it('makes one trip from flat to flat, scaling out at two prices', () => {
    const trips = buildRoundTrips(
      [fill('buy', 2, 100, 1_000), fill('sell', 1, 104, 2_000), fill('sell', 1, 106, 5_000)],
      () => es,
      () => null,
    );

    expect(trips).toEqual([
      expect.objectContaining({
        side: 'long',
        size: 2,
        closedSize: 2,
        entryTicks: 100,
        exitTicks: 105,
        pnlTicks: 10,
        grossCents: 12_500,
        feesCents: 560,
        netCents: 11_940,
        durationMs: 4_000,
        source: 'manual',
        strategyId: null,
        fills: 3,
      }),
    ]);
  });

  it('splits a reversal into the trip it closes and the one it opens, fees by size', () => {
    const trips = buildRoundTrips(
      [fill('buy', 1, 100, 1_000), fill('sell', 2, 98, 2_000), fill('buy', 1, 95, 3_000)],
      () => es,
      () => null,
    );

    expect(trips.map((trip) => [trip.side, trip.pnlTicks, trip.feesCents, trip.netCents])).toEqual([
      ['long', -2, 280, -2_500 - 280],
      ['short', 3, 280, 3_750 - 280],
    ]);
  });

  it("attributes a trip to the strategy whose order opened it, and uses the broker's P&L when the tick value is unknown", () => {
    const unknown = { id: es.id, symbol: 'ES', tickValueCents: null };
    const trips = buildRoundTrips(
      [fill('sell', 1, 100, 1_000, 55), { ...fill('buy', 1, 96, 2_000, 56), realizedCents: 5_000 }],
      () => unknown,
      (orderId) => (orderId === 55 ? 'tf-1' : null),
    );

    expect(trips[0]).toMatchObject({ source: 'strategy', strategyId: 'tf-1', side: 'short', pnlTicks: 4, grossCents: 5_000 });
  });

  it('names who opened a trip and who closed it: the first entry fill and the fill back to flat', () => {
    const trips = buildRoundTrips(
      [
        caused('manual', 'buy', 1, 100, 1_000),
        caused('manual', 'buy', 1, 102, 1_500),
        caused('bracket:target-1', 'sell', 1, 110, 2_000),
        caused('bracket:target-2', 'sell', 1, 120, 3_000),
      ],
      () => es,
      () => null,
    );

    expect(trips).toEqual([expect.objectContaining({ entryCause: 'manual', exitCause: 'bracket:target-2', source: 'manual', strategyId: null, fills: 4 })]);
  });

  it("says a trip the risk manager closed was closed by its rule, even a strategy's", () => {
    const trips = buildRoundTrips(
      [caused('strategy:tf-1', 'buy', 2, 100, 1_000, 55), caused('risk:003', 'sell', 2, 90, 2_000, 56)],
      () => es,
      (orderId) => (orderId === 55 ? 'tf-1' : null),
    );

    expect(trips[0]).toMatchObject({ entryCause: 'strategy:tf-1', exitCause: 'risk:003', source: 'strategy', strategyId: 'tf-1' });
  });

  it('gives a reversal fill as the exit of the trip it closes and the entry of the one it opens', () => {
    const trips = buildRoundTrips(
      [caused('manual', 'buy', 2, 100, 1_000), caused('manual', 'sell', 4, 98, 2_000), caused('bracket:stop', 'buy', 2, 102, 3_000)],
      () => es,
      () => null,
    );

    expect(trips.map((trip) => [trip.side, trip.entryCause, trip.exitCause])).toEqual([
      ['long', 'manual', 'manual'],
      ['short', 'manual', 'bracket:stop'],
    ]);
  });

  it("falls back to the order's strategy for fills without a cause, and to unknown (null) for manual ones", () => {
    const strategyTrips = buildRoundTrips(
      [fill('sell', 1, 100, 1_000, 55), fill('buy', 1, 96, 2_000, 55)],
      () => es,
      (orderId) => (orderId === 55 ? 'mr-2' : null),
    );
    const oldTrips = buildRoundTrips(
      [fill('buy', 1, 100, 1_000), fill('sell', 1, 101, 2_000)],
      () => es,
      () => null,
    );

    expect(strategyTrips[0]).toMatchObject({ entryCause: 'strategy:mr-2', exitCause: 'strategy:mr-2', strategyId: 'mr-2' });
    expect(oldTrips[0]).toMatchObject({ entryCause: null, exitCause: null, source: 'manual' });
  });

  it("attributes a trip to the strategy its entry fill's cause names when the order is not in the attribution", () => {
    const tracker = new RoundTripTracker(7, es, () => null);

    tracker.apply(caused('strategy:orb-1', 'buy', 1, 100, 1_000));
    const [trip] = tracker.apply(caused('bracket:stop', 'sell', 1, 92, 2_000));

    expect(trip).toMatchObject({ source: 'strategy', strategyId: 'orb-1', entryCause: 'strategy:orb-1', exitCause: 'bracket:stop' });
  });
});
