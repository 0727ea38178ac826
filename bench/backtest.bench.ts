import { createHash } from 'node:crypto';
import type { BacktestResultView } from '../src-shared/domain/analytics';
import type { BarView } from '../src-shared/domain/trading';
import type { BacktestJob } from '../src-main/core/strategy/backtest-port';
import { esContract } from '../src-main/core/testing/fake-broker';
import { runBacktest } from '../src-main/backtest/backtest-runner';
import { trendFollowing } from '../src-main/strategies/trend-following';
import { median, round, type Benchmark } from './bench-harness';

const minute = 60_000;
const start = Date.parse('2025-11-02T23:00:00Z');
const end = Date.parse('2026-11-01T23:00:00Z');

/** One year of 1-minute ES bars on a seeded random walk, Sunday 17:00 to Friday 16:00 CT, without the daily 16:00–17:00 halt. */
function yearOfMinuteBars(): BarView[] {
  let state = 20_260_101;
  const random = (): number => {
    // Mulberry32: a small seeded generator, so every run plays the same bars.
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const bars: BarView[] = [];
  let price = 28_000;
  for (let time = start; time < end; time += minute) {
    const chicago = new Date(time - 6 * 3_600_000);
    const weekday = chicago.getUTCDay();
    const hour = chicago.getUTCHours();
    if (weekday === 6 || (weekday === 0 && hour < 17) || (weekday === 5 && hour >= 16) || hour === 16) continue;
    const open = price;
    const close = open + Math.round((random() - 0.5) * 8);
    const high = Math.max(open, close) + Math.floor(random() * 3);
    const low = Math.min(open, close) - Math.floor(random() * 3);
    bars.push({ time, open, high, low, close, volume: 50 + Math.floor(random() * 500) });
    price = close;
  }
  return bars;
}

/**
 * Backtest speed: one year of 1-minute bars through the trend-following strategy (EMA 9/21 cross,
 * ATR stop and trail, session window) on the replay exchange with the simulator's matching rules
 * and fees. Bars per second, median of three runs; target ≥ 1,000,000. Determinism is checked, not
 * assumed: every run's statistics, trades and equity curve must equal the first run's, else the
 * section fails.
 */
export const backtestBenchmark: Benchmark = {
  name: 'backtest',
  async run() {
    const bars = yearOfMinuteBars();
    const job: BacktestJob = {
      runId: 'bench',
      kind: trendFollowing,
      contract: esContract,
      series: { unit: 'minute', unitNumber: 1 },
      from: start,
      to: end,
      parameters: {
        contracts: 1,
        barMinutes: 1,
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
      slippageTicks: 1,
      startingBalanceCents: 5_000_000,
      data: { source: 'bars', bars },
    };
    const rates: number[] = [];
    const fingerprints: string[] = [];
    let first: BacktestResultView | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      const result = await runBacktest(job, esContract, bars, { progress: () => undefined, cancelled: () => false });
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok) throw new Error(result.error.message);
      rates.push(bars.length / seconds);
      first ??= result.value;
      const mismatch = differenceFrom(first, result.value);
      if (mismatch !== undefined) throw new Error(`not deterministic: run ${attempt + 1} differs from run 1 in ${mismatch}`);
      fingerprints.push(fingerprintOf(result.value));
    }
    if (first === undefined) throw new Error('no run');
    return {
      bars: bars.length,
      barsPerSecond: round(median(rates), 0),
      targetBarsPerSecond: 1_000_000,
      trades: first.statistics.trades,
      netCents: first.statistics.netCents,
      equityPoints: first.equity.length,
      identicalRuns: fingerprints.length,
      resultSha256: fingerprints[0] ?? '',
    };
  },
};

/** The first of statistics, trades and equity in which two runs differ, or undefined when they are identical. */
function differenceFrom(expected: BacktestResultView, actual: BacktestResultView): string | undefined {
  for (const part of ['statistics', 'trades', 'equity'] as const) {
    if (JSON.stringify(actual[part]) !== JSON.stringify(expected[part])) return part;
  }
  return undefined;
}

/** A short hash of what must repeat: statistics, trades and equity. */
function fingerprintOf(result: BacktestResultView): string {
  return createHash('sha256')
    .update(JSON.stringify([result.statistics, result.trades, result.equity]))
    .digest('hex')
    .slice(0, 16);
}
