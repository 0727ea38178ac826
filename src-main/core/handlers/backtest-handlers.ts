import type { ContractHandlers } from '../contract-dispatcher';
import type { BacktestRuns } from '../strategy/backtest-runs';

/** The backtest channels. */
export function createBacktestHandlers(
  backtests: BacktestRuns,
): Pick<ContractHandlers, 'backtest.start' | 'backtest.status' | 'backtest.result' | 'backtest.cancel'> {
  return {
    'backtest.start': (request) => backtests.start(request),
    'backtest.status': (request) => backtests.status(request.runId),
    'backtest.result': (request) => backtests.result(request.runId),
    'backtest.cancel': (request) => backtests.cancel(request.runId),
  };
}
