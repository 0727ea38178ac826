import type { BacktestResultView } from '../../../src-shared/domain/analytics';
import type { StrategyParameters, StrategySeries } from '../../../src-shared/domain/strategies';
import type { BarView, ContractView } from '../../../src-shared/domain/trading';
import type { Result } from '../../../src-shared/result';
import type { StrategyKind } from './strategy-definition';

/** One backtest to run: a strategy kind and its parameters over bars of one contract. */
export interface BacktestJob {
  readonly runId: string;
  readonly kind: StrategyKind;
  readonly contract: ContractView;
  /** The series of the bars (strategies may read longer series rolled up from it). */
  readonly series: StrategySeries;
  readonly from: number;
  readonly to: number;
  readonly parameters: StrategyParameters;
  /** Ticks of slippage on market and stop fills. */
  readonly slippageTicks: number;
  /** Fees per side per contract in cents; default: the simulator's fee schedule for the symbol. */
  readonly feeCentsPerSide?: number;
  readonly startingBalanceCents: number;
  /** The bars (oldest first), or the built-in simulator's history for a seed. */
  readonly data: { readonly source: 'bars'; readonly bars: readonly BarView[] } | { readonly source: 'simulator'; readonly seed: number };
}

/** How a running backtest reports and learns it should stop. */
export interface BacktestControl {
  /** Called as bars are loaded and played; `total` is 0 while loading. */
  progress(processedBars: number, totalBars: number, message: string | null): void;
  cancelled(): boolean;
}

/**
 * Runs backtests (the backtester implements it outside the core, on the simulator's matching rules
 * with a simulated clock). A cancelled run answers `cancelled`.
 */
export interface BacktestPort {
  run(job: BacktestJob, control: BacktestControl): Promise<Result<BacktestResultView>>;
}
