import type { AccountId, ContractId, EpochMs, FillId, OrderId } from './ids';
import type { Cents, Ticks } from './money';
import type { BarUnit, FillView, OrderView } from './trading';

/**
 * Automated strategies as clients see them: kinds with their parameter schemas, running
 * instances with their state, position, orders, P&L and decision log.
 */

/** A strategy's lifecycle state. A faulted strategy threw and was stopped. */
export type StrategyStatus = 'stopped' | 'running' | 'paused' | 'faulted';

/** Who paused a strategy: the trader, a risk lock, or a terminal restart (resume to continue). */
export type StrategyPauser = 'trader' | 'risk' | 'restart';

/** A parameter value: numbers, switches, choices and `HH:MM` exchange times. */
export type StrategyParameterValue = number | boolean | string;

/** A strategy's parameters by key. */
export type StrategyParameters = Readonly<Record<string, StrategyParameterValue>>;

/** One parameter's schema, for the editor. */
export interface StrategyParameterSpec {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly type: 'integer' | 'number' | 'boolean' | 'choice' | 'time';
  readonly default: StrategyParameterValue;
  readonly min?: number;
  readonly max?: number;
  /** The choices of a `choice` parameter. */
  readonly options?: readonly string[];
  /** e.g. `ticks`, `bars`, `×ATR`. */
  readonly unit?: string;
  /** True when a change applies to a running strategy at once; false when it waits for a restart. */
  readonly live: boolean;
}

/** A bar series a strategy reads. */
export interface StrategySeries {
  readonly unit: BarUnit;
  readonly unitNumber: number;
}

/** A kind of strategy the terminal can run. */
export interface StrategyKindView {
  readonly kind: string;
  readonly name: string;
  /** One line. */
  readonly summary: string;
  /** The logic: when it enters, where its stop and target go, when it exits. */
  readonly description: string;
  readonly parameters: readonly StrategyParameterSpec[];
}

/** A strategy's own position (its fills only), in ticks. */
export interface StrategyPositionView {
  /** Signed: long > 0, short < 0. */
  readonly size: number;
  readonly averageTicks: number | null;
  /** Open P&L at the last price, cents; 0 when flat or unpriced. */
  readonly openCents: Cents;
}

/** A strategy's figures for the current trading day. */
export interface StrategyDayView {
  readonly tradingDay: string;
  readonly realizedCents: Cents;
  readonly feesCents: Cents;
  /** Realized + open − fees. */
  readonly netCents: Cents;
  /** Round trips closed today. */
  readonly trades: number;
  readonly wins: number;
}

/** One strategy instance: on one account and one contract. */
export interface StrategyView {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly symbol: string;
  readonly status: StrategyStatus;
  /** Why it is paused, stopped or faulted (e.g. `risk lock: RULE-003 ...`), null while running. */
  readonly statusReason: string | null;
  readonly pausedBy: StrategyPauser | null;
  readonly parameters: StrategyParameters;
  /** Changes that wait for the next start (not safe to apply live), null when none. */
  readonly pendingParameters: StrategyParameters | null;
  readonly position: StrategyPositionView;
  readonly workingOrders: number;
  readonly today: StrategyDayView;
  readonly lastDecision: string | null;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}

/** One line of a strategy's decision log. */
export interface StrategyLogEntry {
  readonly strategyId: string;
  readonly at: EpochMs;
  readonly level: 'decision' | 'info' | 'warning' | 'error';
  readonly message: string;
  readonly fields?: Readonly<Record<string, string | number | boolean | null>>;
}

/** A strategy with its orders, fills and log, for its panel. */
export interface StrategyDetailView {
  readonly strategy: StrategyView;
  /** Its orders, working first, then the recent ones. */
  readonly orders: readonly OrderView[];
  /** Its fills of the trading day, newest first. */
  readonly fills: readonly FillView[];
  /** Newest last. */
  readonly log: readonly StrategyLogEntry[];
}

/** The role of an order a strategy placed. */
export type StrategyOrderRole = 'entry' | 'stop-loss' | 'take-profit' | 'exit' | 'other';

/** Which strategy placed an order, so the chart can mark its orders and fills. */
export interface StrategyMark {
  readonly orderId: OrderId;
  readonly strategyId: string;
  readonly strategyName: string;
  readonly role: StrategyOrderRole;
  readonly fillIds: readonly FillId[];
}

/** What a parameter change did: applied at once, or kept for the next start. */
export interface StrategyParametersOutcome {
  readonly strategy: StrategyView;
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

/** A price level in ticks at a time, for chart overlays. */
export interface IndicatorPoint {
  readonly time: EpochMs;
  /** Fractional ticks are allowed (averages); null where the indicator is not ready. */
  readonly value: number | null;
}

/** A line of an indicator (e.g. the upper band). */
export interface IndicatorLine {
  readonly name: string;
  readonly points: readonly IndicatorPoint[];
}

/** A marker on one bar (a swing high, a break of structure). */
export interface IndicatorMarker {
  readonly time: EpochMs;
  readonly valueTicks: Ticks;
  readonly kind: 'swing-high' | 'swing-low' | 'bos-up' | 'bos-down';
  readonly text: string;
}

/** A price zone over time (a fair value gap, an order block); `endTime` null while it is still open. */
export interface IndicatorZone {
  readonly kind: 'fvg-up' | 'fvg-down' | 'order-block-up' | 'order-block-down';
  readonly startTime: EpochMs;
  readonly endTime: EpochMs | null;
  readonly topTicks: Ticks;
  readonly bottomTicks: Ticks;
}

/** A horizontal level from one time to another (the swing a break of structure broke). */
export interface IndicatorSegment {
  readonly kind: 'bos-up' | 'bos-down';
  readonly startTime: EpochMs;
  readonly endTime: EpochMs;
  readonly valueTicks: Ticks;
}

/** One indicator computed over a bar series, ready to draw. */
export interface IndicatorSeriesView {
  /** e.g. `ema(21)`. */
  readonly key: string;
  readonly kind: string;
  readonly lines: readonly IndicatorLine[];
  readonly markers: readonly IndicatorMarker[];
  readonly zones: readonly IndicatorZone[];
  readonly segments: readonly IndicatorSegment[];
}

/** Indicators the core computes, for strategies and the chart. */
export const indicatorKinds = ['sma', 'ema', 'vwap', 'bollinger', 'atr', 'rsi', 'donchian', 'smc'] as const;
/** An indicator kind. */
export type IndicatorKind = (typeof indicatorKinds)[number];

/** An indicator to compute: its kind and settings (each kind has defaults). */
export interface IndicatorRequest {
  readonly kind: IndicatorKind;
  /** Bars of the window (SMA, EMA, Bollinger, ATR, RSI, Donchian) or of each side of a swing (SMC). */
  readonly length?: number;
  /** Band width in standard deviations (Bollinger, VWAP). */
  readonly multiplier?: number;
  /** Where the VWAP restarts: the 17:00 CT trading day (default) or the 08:30 CT regular session. */
  readonly anchor?: 'trading-day' | 'regular-session';
}
