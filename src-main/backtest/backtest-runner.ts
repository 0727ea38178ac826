import type { BacktestResultView } from '../../src-shared/domain/analytics';
import type { BarView, ContractView } from '../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../src-shared/result';
import { summarizeTrips } from '../core/analytics/trade-statistics';
import type { BacktestControl, BacktestJob } from '../core/strategy/backtest-port';
import { BacktestSession } from './backtest-session';
import { simulatorFeeCents } from './fee-model';

/** Bars played between two looks at the event loop (progress, cancel): about 15 ms, so the terminal stays responsive. */
const chunkBars = 20_000;

/** Lets the event loop breathe between chunks, so progress goes out and a cancel gets in. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Plays a job's bars through a backtest session in chunks, reporting progress and checking for a
 * cancel between chunks. The result depends only on the bars, the contract and the parameters.
 */
export async function runBacktest(
  job: BacktestJob,
  contract: ContractView,
  bars: readonly BarView[],
  control: BacktestControl,
): Promise<Result<BacktestResultView>> {
  let session: BacktestSession;
  try {
    session = new BacktestSession(job, contract, job.feeCentsPerSide ?? simulatorFeeCents(contract));
  } catch (error) {
    return fail('invalid-request', error instanceof Error ? error.message : String(error));
  }
  const inRange = bars.filter((bar) => bar.time >= job.from && bar.time < job.to);
  const total = inRange.length;
  control.progress(0, total, null);
  for (let start = 0; start < total; start += chunkBars) {
    if (control.cancelled()) return fail('cancelled', `backtest ${job.runId} was cancelled after ${start} of ${total} bars`);
    const end = Math.min(total, start + chunkBars);
    for (let index = start; index < end; index++) {
      const bar = inRange[index];
      if (bar !== undefined) session.step(bar);
    }
    control.progress(end, total, null);
    if (session.failure !== null) break;
    if (end < total) await yieldToLoop();
  }
  session.finish();
  if (session.failure !== null) return fail('internal', `the strategy failed during the backtest: ${session.failure}`);
  return ok(resultOf(job, contract, session, total));
}

function resultOf(job: BacktestJob, contract: ContractView, session: BacktestSession, bars: number): BacktestResultView {
  const { book } = session;
  return {
    runId: job.runId,
    strategy: job.kind.kind,
    symbol: contract.symbol,
    contractId: contract.id,
    unit: job.series.unit,
    unitNumber: job.series.unitNumber,
    from: job.from,
    to: job.to,
    parameters: job.parameters,
    statistics: {
      ...summarizeTrips(book.trips),
      ...book.figures(),
      startingBalanceCents: job.startingBalanceCents,
      endingBalanceCents: book.endingCents,
      bars,
    },
    trades: book.trips,
    equity: book.equity,
    log: [...session.firstLog, ...session.lastLog.slice(-250)],
  };
}
