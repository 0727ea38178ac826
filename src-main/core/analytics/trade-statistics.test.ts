import { describe, expect, it } from 'vitest';
import type { RoundTripView } from '../../../src-shared/domain/analytics';
import { EquityTracker, equityCurve, sharpeRatio } from './performance';
import { groupTrips, summarizeTrips } from './trade-statistics';

function trip(netCents: number, overrides: Partial<RoundTripView> = {}): RoundTripView {
  return {
    id: String(netCents),
    accountId: 1,
    contractId: 'C',
    symbol: 'ES',
    side: 'long',
    size: 1,
    closedSize: 1,
    entryTime: 0,
    exitTime: 60_000,
    entryTicks: 0,
    exitTicks: 0,
    pnlTicks: 0,
    grossCents: netCents + 280,
    feesCents: 280,
    netCents,
    durationMs: 60_000,
    source: 'manual',
    strategyId: null,
    entryCause: 'manual',
    exitCause: 'manual',
    fills: 2,
    ...overrides,
  };
}

describe('trade statistics', () => {
  it('counts wins after fees and gives win rate, profit factor and expectancy', () => {
    const stats = summarizeTrips([trip(10_000), trip(-5_000), trip(20_000), trip(-5_000)]);

    expect(stats).toMatchObject({
      trades: 4,
      wins: 2,
      losses: 2,
      winRate: 0.5,
      grossProfitCents: 30_000,
      grossLossCents: -10_000,
      netCents: 20_000,
      feesCents: 1_120,
      profitFactor: 3,
      expectancyCents: 5_000,
      averageWinCents: 15_000,
      averageLossCents: -5_000,
      largestWinCents: 20_000,
      largestLossCents: -5_000,
    });
  });

  it('groups by any key, sorted', () => {
    const groups = groupTrips([trip(100, { symbol: 'NQ' }), trip(-50, { symbol: 'ES' }), trip(30, { symbol: 'NQ' })], (item) => item.symbol);

    expect(groups.map((group) => [group.key, group.trades, group.netCents])).toEqual([
      ['ES', 1, -50],
      ['NQ', 2, 130],
    ]);
  });

  it('measures the deepest drawdown from a peak and an annualized daily Sharpe', () => {
    const tracker = new EquityTracker(1_000);
    for (const [day, equity] of [
      ['d1', 1_100],
      ['d1', 900],
      ['d2', 1_300],
      ['d3', 1_000],
      ['d3', 1_200],
    ] as const)
      tracker.mark(day, equity);

    expect(tracker.figures()).toEqual({ maxDrawdownCents: -300, days: 3, sharpe: sharpeRatio([-100, 400, -100]) });
    expect(sharpeRatio([100, 100])).toBeNull();
    expect(sharpeRatio([100, 300])).toBeCloseTo((200 / Math.sqrt(20_000)) * Math.sqrt(252), 2);
  });

  it('draws the cumulative equity curve with the drawdown at each point', () => {
    expect(
      equityCurve([
        { time: 1, netCents: 100 },
        { time: 2, netCents: -150 },
        { time: 3, netCents: 200 },
      ]),
    ).toEqual([
      { time: 1, equityCents: 100, drawdownCents: 0 },
      { time: 2, equityCents: -50, drawdownCents: -150 },
      { time: 3, equityCents: 150, drawdownCents: 0 },
    ]);
  });
});
