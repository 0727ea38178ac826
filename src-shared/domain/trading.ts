import type { AccountId, ContractId, EpochMs, FillId, OrderId } from './ids';
import type { Cents, Ticks } from './money';
import type { OrderCause } from './order-cause';

/** A trading account as the terminal shows it. */
export interface AccountView {
  readonly id: AccountId;
  readonly name: string;
  readonly balanceCents: Cents;
  readonly canTrade: boolean;
  readonly isVisible: boolean;
  readonly simulated: boolean;
}

/** A futures contract with what tick math needs. */
export interface ContractView {
  readonly id: ContractId;
  /** Display name from the broker, e.g. `ESZ6`. */
  readonly name: string;
  readonly description: string;
  /** Root the trader types, e.g. `ES` (derived from the symbolId and the catalogue). */
  readonly symbol: string;
  /** Broker symbol id, e.g. `F.US.EP`. */
  readonly symbolId: string;
  readonly tickSize: number;
  readonly tickValueCents: Cents;
  readonly active: boolean;
}

/** Order sides. */
export type OrderSide = 'buy' | 'sell';
/** Order types the terminal places. */
export type OrderType = 'market' | 'limit' | 'stop' | 'stop-limit' | 'trailing-stop' | 'join-bid' | 'join-ask';
/** Order states, from the broker's statuses. */
export type OrderStatus = 'pending' | 'open' | 'suspended' | 'pending-cancel' | 'filled' | 'cancelled' | 'expired' | 'rejected';

/** True for states an order never leaves. */
export function isFinalStatus(status: OrderStatus): boolean {
  return status === 'filled' || status === 'cancelled' || status === 'expired' || status === 'rejected';
}

/** An order as the terminal knows it. */
export interface OrderView {
  readonly id: OrderId;
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly type: OrderType;
  readonly side: OrderSide;
  readonly size: number;
  readonly status: OrderStatus;
  readonly limitTicks: Ticks | null;
  readonly stopTicks: Ticks | null;
  /** Trailing distance in ticks, for trailing stops. */
  readonly trailTicks: Ticks | null;
  readonly filledSize: number;
  readonly averageFillTicks: number | null;
  readonly customTag: string | null;
  readonly parentOrderId: OrderId | null;
  readonly linkedOrderId: OrderId | null;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
  /** Who caused it; set by the core (the broker does not know). */
  readonly cause?: OrderCause;
}

/** A net position: size is signed (long > 0, short < 0); cost is the sum of fill ticks × lots. */
export interface PositionView {
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly size: number;
  /** Average entry in ticks; may be fractional (two fills at 10 and 11 ticks average 10.5). */
  readonly averageTicks: number;
  readonly openedAt: EpochMs;
}

/** One fill (a half-turn). */
export interface FillView {
  readonly id: FillId;
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly orderId: OrderId;
  readonly side: OrderSide;
  readonly size: number;
  readonly priceTicks: Ticks;
  /** Realized P&L of a closing fill, before fees; null on an opening fill. */
  readonly realizedCents: Cents | null;
  readonly feesCents: Cents;
  readonly voided: boolean;
  readonly time: EpochMs;
  /** Who caused it (its order's cause); set by the core when the fill is recorded. */
  readonly cause?: OrderCause;
}

/** The top of the book and the last trade. Any field may be unknown until the feed sends it. */
export interface QuoteView {
  readonly contractId: ContractId;
  readonly bidTicks: Ticks | null;
  readonly askTicks: Ticks | null;
  readonly lastTicks: Ticks | null;
  readonly volume: number | null;
  readonly time: EpochMs;
}

/** One print on the tape. */
export interface TapeTrade {
  readonly contractId: ContractId;
  readonly priceTicks: Ticks;
  readonly size: number;
  /** The aggressor. */
  readonly side: OrderSide;
  readonly time: EpochMs;
}

/** Bar units, as the broker's history API names them. */
export type BarUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month';

/** One OHLCV bar in ticks; `time` is the bar's open. */
export interface BarView {
  readonly time: EpochMs;
  readonly open: Ticks;
  readonly high: Ticks;
  readonly low: Ticks;
  readonly close: Ticks;
  readonly volume: number;
}
