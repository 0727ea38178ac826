import type { BacktestPort } from '../core/strategy/backtest-port';
import { runBacktest } from './backtest-runner';
import { simulatorHistory } from './simulator-history';

/**
 * The backtester the strategy service runs jobs on: bars from the terminal's history, or the
 * built-in simulator's seeded tape read in-process, played on the simulator's matching rules.
 */
export function createBacktester(): BacktestPort {
  return {
    async run(job, control) {
      if (job.data.source === 'bars') return runBacktest(job, job.contract, job.data.bars, control);
      control.progress(0, 0, `generating ${job.contract.symbol} history on the simulator (seed ${job.data.seed})`);
      const history = await simulatorHistory(job.contract.symbol, job.series, job.from, job.to, job.data.seed, (loaded) =>
        control.progress(0, 0, `generated ${loaded} bars`),
      );
      if (!history.ok) return history;
      return runBacktest(job, history.value.contract, history.value.bars, control);
    },
  };
}
