import type { RoundTripView, TradeStatistics, TradeStatisticsGroup } from '../../../src-shared/domain/analytics';

/** Statistics of round trips: a win is a trip whose net (after fees) is above zero. */
export function summarizeTrips(trips: readonly RoundTripView[]): TradeStatistics {
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let fees = 0;
  let net = 0;
  let largestWin = 0;
  let largestLoss = 0;
  let duration = 0;
  for (const trip of trips) {
    fees += trip.feesCents;
    net += trip.netCents;
    duration += trip.durationMs;
    if (trip.netCents > 0) {
      wins++;
      grossProfit += trip.netCents;
      largestWin = Math.max(largestWin, trip.netCents);
    } else if (trip.netCents < 0) {
      losses++;
      grossLoss += trip.netCents;
      largestLoss = Math.min(largestLoss, trip.netCents);
    }
  }
  const count = trips.length;
  return {
    trades: count,
    wins,
    losses,
    winRate: count === 0 ? 0 : wins / count,
    grossProfitCents: grossProfit,
    grossLossCents: grossLoss,
    feesCents: fees,
    netCents: net,
    profitFactor: grossLoss === 0 ? null : grossProfit / -grossLoss,
    expectancyCents: count === 0 ? 0 : net / count,
    averageWinCents: wins === 0 ? 0 : grossProfit / wins,
    averageLossCents: losses === 0 ? 0 : grossLoss / losses,
    largestWinCents: largestWin,
    largestLossCents: largestLoss,
    averageDurationMs: count === 0 ? 0 : duration / count,
  };
}

/** Statistics per group (a day, an hour, a contract, a strategy), sorted by key. */
export function groupTrips(trips: readonly RoundTripView[], keyOf: (trip: RoundTripView) => string): TradeStatisticsGroup[] {
  const groups = new Map<string, RoundTripView[]>();
  for (const trip of trips) {
    const key = keyOf(trip);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [trip]);
    else group.push(trip);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => ({ key, ...summarizeTrips(group) }));
}
