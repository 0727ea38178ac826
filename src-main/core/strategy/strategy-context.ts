import type { StrategySeries } from '../../../src-shared/domain/strategies';
import type { AccountId, OrderId } from '../../../src-shared/domain/ids';
import type { Ticks } from '../../../src-shared/domain/money';
import type { BarView, ContractView, OrderSide, OrderView } from '../../../src-shared/domain/trading';
import type { AverageTrueRange } from '../indicators/average-true-range';
import type { BollingerBands } from '../indicators/bollinger-bands';
import type { DonchianChannel } from '../indicators/donchian-channel';
import type { ExponentialMovingAverage, SimpleMovingAverage } from '../indicators/moving-averages';
import type { RelativeStrengthIndex } from '../indicators/relative-strength';
import type { SmartMoneyConcepts } from '../indicators/smc/smart-money-concepts';
import type { SessionVwap } from '../indicators/vwap';
import type { ExchangeCalendar } from '../../../src-shared/exchange';

/** A JSON value a strategy may keep in its state. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Extra fields of a decision log line. */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

/**
 * An entry with its bracket, in ticks. Every entry carries a stop-loss; the take-profit is
 * optional (a trend follower may trail its stop instead).
 */
export interface EntryOrder {
  readonly side: OrderSide;
  readonly size: number;
  readonly type: 'market' | 'limit' | 'stop';
  readonly limitTicks?: Ticks;
  readonly stopTicks?: Ticks;
  /** Distance of the protective stop from the fill, ticks (> 0). */
  readonly stopLossTicks: Ticks;
  /** Distance of the target from the fill, ticks (> 0). */
  readonly takeProfitTicks?: Ticks;
  /** Why: goes to the decision log and the audit trail. */
  readonly reason: string;
}

/** The strategy's own position (its fills only). */
export interface StrategyPosition {
  /** Signed: long > 0, short < 0. */
  readonly size: number;
  /** Average entry in ticks; null when flat. */
  readonly averageTicks: number | null;
}

/** Orders, always through the terminal's pre-trade gate (live) or the simulated exchange (backtest). */
export interface StrategyOrders {
  /** Sends an entry with its bracket; false when refused at once (paused, warming up, an entry already in flight). */
  enter(entry: EntryOrder): boolean;
  /** Cancels the strategy's working orders, then closes its own position at market. */
  exit(reason: string): void;
  /** Cancels one of its orders. */
  cancel(orderId: OrderId, reason: string): void;
  /** Moves the stop price of one of its stop orders (a trailing stop moves its stop-loss leg). */
  moveStop(orderId: OrderId, stopTicks: Ticks, reason: string): void;
  /** Moves the price of one of its limit orders. */
  moveLimit(orderId: OrderId, limitTicks: Ticks, reason: string): void;
  /** How many commands are still on their way to the broker. */
  inFlight(): number;
}

/** Indicators updated by the runtime on each closed bar of their series, before `onBar`; create them in `create`. */
export interface StrategyIndicators {
  sma(length: number, series?: StrategySeries): SimpleMovingAverage;
  ema(length: number, series?: StrategySeries): ExponentialMovingAverage;
  bollinger(length: number, multiplier: number, series?: StrategySeries): BollingerBands;
  vwap(multiplier: number, anchor?: 'trading-day' | 'regular-session', series?: StrategySeries): SessionVwap;
  atr(length: number, series?: StrategySeries): AverageTrueRange;
  rsi(length: number, series?: StrategySeries): RelativeStrengthIndex;
  donchian(length: number, series?: StrategySeries): DonchianChannel;
  smartMoney(swingLength: number, series?: StrategySeries): SmartMoneyConcepts;
}

/** State that survives a restart (JSON values by key). */
export interface StrategyState {
  get(key: string): JsonValue | undefined;
  set(key: string, value: JsonValue): void;
}

/** Timers on the injected clock; `onTimer(name)` fires. Setting a name again replaces it. */
export interface StrategyTimers {
  at(name: string, time: number): void;
  after(name: string, delayMs: number): void;
  cancel(name: string): void;
}

/** Everything a strategy sees and may do. The same context runs live and in the backtester. */
export interface StrategyContext<Parameters> {
  readonly id: string;
  readonly accountId: AccountId;
  readonly contract: ContractView;
  /** The current parameters; a live change shows here at once (then `onParameters` runs). */
  readonly parameters: Parameters;
  /** The injected clock, epoch ms. */
  now(): number;
  /** Exchange-time helpers (America/Chicago, trading days rolling at 17:00). */
  readonly calendar: ExchangeCalendar;
  /** True while history is replayed at start: bars and indicators flow, orders are refused. */
  warmingUp(): boolean;
  position(): StrategyPosition;
  /** Its orders that are not final. */
  workingOrders(): readonly OrderView[];
  /** Closed bars of a series (default: the first the strategy asked for), oldest first. */
  bars(series?: StrategySeries): readonly BarView[];
  readonly indicators: StrategyIndicators;
  readonly state: StrategyState;
  readonly orders: StrategyOrders;
  readonly timers: StrategyTimers;
  /** Records a decision in the strategy's log (shown live, kept in backtest results). */
  log(message: string, fields?: LogFields): void;
}
