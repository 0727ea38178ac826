import type { AccountId, ContractId, EpochMs } from './ids';
import type { Cents } from './money';
import type { OrderCause } from './order-cause';
import type { StrategyLogEntry, StrategyParameters } from './strategies';
import type { BarUnit } from './trading';

/** One round trip: from flat to flat (a reversal closes one and opens the next). */
export interface RoundTripView {
  /** Stable: the account, the contract and the opening fill. */
  readonly id: string;
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  /** The largest size held. */
  readonly size: number;
  /** Contracts bought and sold to close it (size of every exit added up). */
  readonly closedSize: number;
  readonly entryTime: EpochMs;
  readonly exitTime: EpochMs;
  /** Average prices in ticks (fractional when averaged). */
  readonly entryTicks: number;
  readonly exitTicks: number;
  /** P&L in ticks summed over contracts (2 contracts × 4 ticks = 8). */
  readonly pnlTicks: number;
  readonly grossCents: Cents;
  readonly feesCents: Cents;
  readonly netCents: Cents;
  readonly durationMs: number;
  /** `manual`, or the strategy that opened it. */
  readonly source: 'manual' | 'strategy';
  readonly strategyId: string | null;
  /**
   * Who opened it: the cause of its first entry fill (a reversal's fill opens the next trip), null
   * when unknown (a fill journaled before causes were recorded). `causeLabel` words it.
   */
  readonly entryCause: OrderCause | null;
  /** Who closed it: the cause of the fill that brought it back to flat (or reversed it), e.g. `risk:003`, `bracket:target-2`. */
  readonly exitCause: OrderCause | null;
  readonly fills: number;
}

/** Statistics of a group of round trips. */
export interface TradeStatistics {
  readonly trades: number;
  readonly wins: number;
  readonly losses: number;
  /** Wins / trades, 0..1; 0 without trades. */
  readonly winRate: number;
  readonly grossProfitCents: Cents;
  /** Negative or zero. */
  readonly grossLossCents: Cents;
  readonly feesCents: Cents;
  readonly netCents: Cents;
  /** Gross profit / |gross loss| (after fees per trade); null when nothing was lost. */
  readonly profitFactor: number | null;
  /** Net per trade, cents (may be fractional). */
  readonly expectancyCents: number;
  readonly averageWinCents: number;
  readonly averageLossCents: number;
  readonly largestWinCents: Cents;
  readonly largestLossCents: Cents;
  readonly averageDurationMs: number;
}

/** One group of a breakdown (a day, an hour, a contract, a strategy). */
export interface TradeStatisticsGroup extends TradeStatistics {
  /** e.g. `2026-11-18`, `09` (exchange hour of the entry), `ES`, `manual` or a strategy id. */
  readonly key: string;
}

/** A point of an equity curve. */
export interface EquityPoint {
  readonly time: EpochMs;
  /** Cumulative net P&L (or equity) in cents. */
  readonly equityCents: Cents;
  /** Below the running peak, cents (≤ 0). */
  readonly drawdownCents: Cents;
}

/** Risk-adjusted figures of a whole period. */
export interface PerformanceFigures {
  /** The deepest fall from a peak, cents (≤ 0). */
  readonly maxDrawdownCents: Cents;
  /** Annualized Sharpe ratio of daily P&L (√252), null with fewer than two days or no variance. */
  readonly sharpe: number | null;
  readonly days: number;
}

/** Statistics of an account over a period, overall and by day, hour, contract and strategy. */
export interface TradeStatsView {
  readonly accountId: AccountId;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly overall: TradeStatistics & PerformanceFigures;
  readonly byDay: readonly TradeStatisticsGroup[];
  readonly byHour: readonly TradeStatisticsGroup[];
  readonly byContract: readonly TradeStatisticsGroup[];
  readonly byStrategy: readonly TradeStatisticsGroup[];
  readonly equity: readonly EquityPoint[];
}

/** The journal page: round trips, newest first. */
export interface JournalView {
  readonly accountId: AccountId;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly trades: readonly RoundTripView[];
}

/** Where a backtest's bars come from: the broker's history through the store cache, or the built-in simulator's tape. */
export type BacktestSource = 'history' | 'simulator';

/** A backtest's phase. */
export type BacktestStatus = 'loading' | 'running' | 'completed' | 'cancelled' | 'failed';

/** A backtest's statistics. */
export interface BacktestStatistics extends TradeStatistics, PerformanceFigures {
  readonly startingBalanceCents: Cents;
  readonly endingBalanceCents: Cents;
  readonly bars: number;
}

/** Progress of a backtest (pushed as it runs, throttled). */
export interface BacktestProgressView {
  readonly runId: string;
  readonly status: BacktestStatus;
  readonly processedBars: number;
  /** 0 while the bars are still loading and their number is unknown. */
  readonly totalBars: number;
  /** 0..100. */
  readonly percent: number;
  readonly message: string | null;
}

/** Where a backtest stands, and its statistics once it ended. */
export interface BacktestRunView extends BacktestProgressView {
  readonly strategy: string;
  readonly symbol: string;
  readonly statistics: BacktestStatistics | null;
}

/** A finished backtest: trades, equity curve and statistics. Deterministic for the same data and parameters. */
export interface BacktestResultView {
  readonly runId: string;
  readonly strategy: string;
  readonly symbol: string;
  readonly contractId: ContractId;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly parameters: StrategyParameters;
  readonly statistics: BacktestStatistics;
  readonly trades: readonly RoundTripView[];
  /** Mark-to-market equity at each trade's exit and each trading day's end. */
  readonly equity: readonly EquityPoint[];
  /** The first and the last decisions of the run (at most 500). */
  readonly log: readonly StrategyLogEntry[];
}
