import { describe, expect, it } from 'vitest';
import { bar, minute, regularOpen } from '../core/strategy/testing/bar-builders';
import type { BacktestControl, BacktestJob } from '../core/strategy/backtest-port';
import { defineStrategy } from '../core/strategy/strategy-definition';
import { esContract } from '../core/testing/fake-broker';
import { overnightRangeBreakout } from '../strategies/overnight-range-breakout';
import { trendFollowing } from '../strategies/trend-following';
import { runBacktest } from './backtest-runner';
import { createBacktester } from './backtester';

const globexOpen = Date.parse('2026-11-17T23:00:00Z');

function control(cancelAfter = Number.POSITIVE_INFINITY): BacktestControl & { readonly reports: [number, number][] } {
  const reports: [number, number][] = [];
  return { reports, progress: (processed, total) => reports.push([processed, total]), cancelled: () => reports.length > cancelAfter };
}

function job(overrides: Partial<BacktestJob>): BacktestJob {
  return {
    runId: 'bt-test',
    kind: overnightRangeBreakout,
    contract: esContract,
    series: { unit: 'minute', unitNumber: 1 },
    from: globexOpen,
    to: globexOpen + 2 * 86_400_000,
    parameters: {
      contracts: 1,
      barMinutes: 1,
      rangeStart: '17:00',
      rangeEnd: '08:30',
      entryWindowEnd: '11:00',
      exitTime: '15:00',
      bufferTicks: 2,
      rewardRisk: 2,
      minRangeTicks: 8,
      maxStopTicks: 120,
      maxTradesPerDay: 1,
    },
    slippageTicks: 0,
    startingBalanceCents: 5_000_000,
    data: { source: 'bars', bars: [] },
    ...overrides,
  };
}

describe('backtest', () => {
  it('reproduces a hand-worked breakout trade: entry at the next open, target at 2R, ES fees on both sides', async () => {
    const bars = [
      bar(globexOpen, 5000, 5010, 4990, 5005),
      bar(globexOpen + 540 * minute, 5005, 5020, 4985, 5000),
      bar(regularOpen, 5001, 5016, 5000, 5015),
      bar(regularOpen + minute, 5015, 5026, 5014, 5025),
      bar(regularOpen + 2 * minute, 5025, 5060, 5024, 5058),
      bar(regularOpen + 3 * minute, 5058, 5110, 5057, 5100),
      bar(regularOpen + 4 * minute, 5100, 5101, 5090, 5095),
    ];

    const result = await runBacktest(job({}), esContract, bars, control());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.trades).toEqual([
      expect.objectContaining({
        side: 'long',
        size: 1,
        entryTicks: 5025,
        exitTicks: 5109,
        pnlTicks: 84,
        grossCents: 105_000,
        feesCents: 280,
        netCents: 104_720,
        source: 'strategy',
      }),
    ]);
    expect(result.value.statistics).toMatchObject({
      trades: 1,
      wins: 1,
      winRate: 1,
      netCents: 104_720,
      profitFactor: null,
      expectancyCents: 104_720,
      maxDrawdownCents: 0,
      startingBalanceCents: 5_000_000,
      endingBalanceCents: 5_104_720,
      bars: 7,
    });
    expect(result.value.equity.at(-1)?.equityCents).toBe(5_104_720);
  });

  it('gives the same trades and statistics for the same simulator data and parameters, and matches the recorded run', async () => {
    const backtester = createBacktester();
    const simulatorJob = job({
      kind: trendFollowing,
      parameters: {},
      from: Date.parse('2026-11-16T00:00:00Z'),
      to: Date.parse('2026-11-21T00:00:00Z'),
      slippageTicks: 1,
      data: { source: 'simulator', seed: 7 },
    });
    const withDefaults = {
      ...simulatorJob,
      parameters: {
        contracts: 1,
        barMinutes: 5,
        mode: 'ma-cross',
        fastLength: 9,
        slowLength: 21,
        channelLength: 20,
        atrLength: 14,
        stopAtr: 2,
        trailAtr: 3,
        takeProfitAtr: 6,
        allowShort: true,
        sessionStart: '08:30',
        sessionEnd: '14:30',
        exitTime: '15:00',
      },
    };

    const first = await backtester.run(withDefaults, control());
    const second = await backtester.run(withDefaults, control());

    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value).toEqual(first.value);
    expect(first.value.statistics).toMatchInlineSnapshot(`
      {
        "averageDurationMs": 5136923.076923077,
        "averageLossCents": -89967.5,
        "averageWinCents": 127720,
        "bars": 6840,
        "days": 5,
        "endingBalanceCents": 4918860,
        "expectancyCents": -6241.538461538462,
        "feesCents": 3640,
        "grossLossCents": -719740,
        "grossProfitCents": 638600,
        "largestLossCents": -204030,
        "largestWinCents": 255970,
        "losses": 8,
        "maxDrawdownCents": -712520,
        "netCents": -81140,
        "profitFactor": 0.8872648456387029,
        "sharpe": -3.019,
        "startingBalanceCents": 5000000,
        "trades": 13,
        "winRate": 0.38461538461538464,
        "wins": 5,
      }
    `);
  });

  it('rolls 1-minute data up to the 5-minute bars a strategy reads and fires its timers on the simulated clock', async () => {
    const seen: string[] = [];
    const fiveMinute = defineStrategy({
      kind: 'five-minute',
      name: 'Five minute',
      summary: 'test',
      description: 'Buys on its first 5-minute bar, exits on a timer.',
      parameters: {},
      series: () => [{ unit: 'minute', unitNumber: 5, warmup: 1 }],
      create(context) {
        return {
          onBar(item) {
            seen.push(`bar ${(item.time - regularOpen) / minute} close ${item.close} at ${(context.now() - regularOpen) / minute}`);
            if (seen.length === 1) {
              context.orders.enter({ side: 'buy', size: 1, type: 'market', stopLossTicks: 50, reason: 'first bar' });
              context.timers.at('exit', regularOpen + 7 * minute + 30_000);
            }
          },
          onTimer(name) {
            seen.push(`timer ${name} at ${(context.now() - regularOpen) / minute}`);
            context.orders.exit('timer');
          },
        };
      },
    });
    const bars = Array.from({ length: 12 }, (_, index) => bar(regularOpen + index * minute, 5000 + index, 5001 + index, 4999 + index, 5000 + index));

    const result = await runBacktest(job({ kind: fiveMinute, parameters: {}, from: regularOpen }), esContract, bars, control());

    expect(seen).toEqual(['bar 0 close 5004 at 5', 'timer exit at 7.5', 'bar 5 close 5009 at 10']);
    expect(result.ok && result.value.trades).toEqual([expect.objectContaining({ entryTicks: 5005, exitTicks: 5008, pnlTicks: 3 })]);
  });

  it('reports progress and stops when cancelled', async () => {
    const bars = Array.from({ length: 120_000 }, (_, index) => bar(globexOpen + index * minute, 5000, 5001, 4999, 5000));

    const result = await runBacktest(job({ to: globexOpen + 200 * 86_400_000 }), esContract, bars, control(1));

    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('fails the run, naming the error, when the strategy throws', async () => {
    const bars = [bar(globexOpen, 5000, 5010, 4990, 5005)];
    const throwing = {
      ...overnightRangeBreakout,
      create: () => ({
        onBar: () => {
          throw new Error('boom');
        },
      }),
    };

    const result = await runBacktest(job({ kind: throwing }), esContract, bars, control());

    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: 'the strategy failed during the backtest: threw in onBar: boom' } });
  });
});
