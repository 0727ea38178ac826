import type { AccountId, ContractId, EpochMs, OrderId } from '../../../src-shared/domain/ids';
import type { Ticks } from '../../../src-shared/domain/money';
import type {
  AccountView,
  BarUnit,
  BarView,
  ContractView,
  FillView,
  OrderSide,
  OrderType,
  OrderView,
  PositionView,
  QuoteView,
  TapeTrade,
} from '../../../src-shared/domain/trading';
import type { Result } from '../../../src-shared/result';

/** Which connection of the broker link a health event describes. */
export type BrokerChannel = 'rest' | 'user-hub' | 'market-hub';
/** Health of one broker connection. */
export type BrokerChannelState = 'connecting' | 'live' | 'reconnecting' | 'stale' | 'down';

/** One level of the order book, in ticks; size 0 removes the level. */
export interface DepthLevel {
  readonly side: 'bid' | 'ask';
  readonly priceTicks: Ticks;
  readonly size: number;
}

/** What the broker's open orders, positions and recent fills were at one moment, read over REST. */
export interface BrokerSnapshot {
  readonly accountId: AccountId;
  readonly orders: readonly OrderView[];
  readonly positions: readonly PositionView[];
  readonly fills: readonly FillView[];
  readonly at: EpochMs;
}

/**
 * Everything the broker tells the terminal, already parsed into domain values (ticks, cents,
 * whole views merged from partial payloads). A malformed payload never becomes an event.
 */
export type BrokerEvent =
  | { readonly kind: 'account'; readonly account: AccountView }
  | { readonly kind: 'order'; readonly order: OrderView }
  /** A position; size 0 means the contract went flat. */
  | { readonly kind: 'position'; readonly position: PositionView }
  | { readonly kind: 'fill'; readonly fill: FillView }
  | { readonly kind: 'quote'; readonly quote: QuoteView }
  | { readonly kind: 'tape'; readonly contractId: ContractId; readonly trades: readonly TapeTrade[] }
  /** Depth changes; `reset` clears the book before the levels apply. */
  | { readonly kind: 'depth'; readonly contractId: ContractId; readonly reset: boolean; readonly levels: readonly DepthLevel[] }
  | { readonly kind: 'link'; readonly channel: BrokerChannel; readonly state: BrokerChannelState; readonly reason: string }
  /** The REST truth after a connect or reconnect; the core reconciles its state to it. */
  | { readonly kind: 'reconciled'; readonly snapshot: BrokerSnapshot };

/** An order to send, in ticks. Brackets are unsigned distances; the adapter applies the broker's sign rules. */
export interface BrokerOrderRequest {
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly type: OrderType;
  readonly side: OrderSide;
  readonly size: number;
  readonly limitTicks?: Ticks;
  readonly stopTicks?: Ticks;
  /** Trailing distance in ticks, for trailing stops. */
  readonly trailTicks?: Ticks;
  readonly stopLossTicks?: Ticks;
  readonly takeProfitTicks?: Ticks;
  /** Unique per account: lets a timed-out place be found instead of sent twice. */
  readonly customTag: string;
}

/** A change to a working order; only the fields given change. */
export interface BrokerModifyRequest {
  readonly accountId: AccountId;
  readonly orderId: OrderId;
  readonly size?: number;
  readonly limitTicks?: Ticks;
  readonly stopTicks?: Ticks;
  readonly trailTicks?: Ticks;
}

/** A history request; bars come back oldest first. */
export interface BarsRequest {
  readonly contractId: ContractId;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly limit: number;
  readonly includePartialBar: boolean;
}

/** Enforcement goes first: the priority lane skips the queue of ordinary calls. */
export type CallLane = 'normal' | 'priority';

/**
 * The deadline of a trader's order command. By `deadlineAt` the call is answered: a call still
 * queued then is dropped and never sent (`not-sent`); one that may have reached the broker is
 * answered `unknown-outcome`, and `onResolved` later gets its final outcome, exactly once.
 */
export interface OrderCallOptions<T> {
  readonly deadlineAt: EpochMs;
  readonly onResolved: (result: Result<T>) => void;
}

/** Latency and headroom figures of the broker link, for the diagnostics view. */
export interface BrokerDiagnostics {
  readonly channels: Readonly<
    Record<BrokerChannel, { readonly state: BrokerChannelState; readonly lastEventAt: EpochMs | null; readonly eventsPerSecond: number }>
  >;
  readonly callLatencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly samples: number };
  readonly rateLimitHeadroom: Readonly<Record<string, number>>;
}

/** The broker as the core sees it. The ProjectX adapter implements it; core tests use a recording fake. */
export interface BrokerPort {
  /** Logs in, opens both hubs and reconciles once; the events stream starts before it resolves. */
  start(): Promise<Result<void>>;
  stop(): Promise<void>;
  subscribe(listener: (event: BrokerEvent) => void): () => void;

  /**
   * True when the text is a full contract id in this broker's own form (`CON.F.US.EP.Z26` at
   * ProjectX); anything else a trader types is a root to search for. The core knows no id format.
   */
  isContractId(text: string): boolean;
  /** The most bars one history request returns (20,000 at ProjectX); longer ranges are paged. */
  readonly maxBarsPerRequest: number;

  accounts(): Promise<Result<AccountView[]>>;
  searchContracts(text: string): Promise<Result<ContractView[]>>;
  contractById(contractId: ContractId): Promise<Result<ContractView>>;
  bars(request: BarsRequest): Promise<Result<BarView[]>>;

  placeOrder(
    request: BrokerOrderRequest,
    lane: CallLane,
    options?: OrderCallOptions<{ readonly orderId: OrderId }>,
  ): Promise<Result<{ readonly orderId: OrderId }>>;
  modifyOrder(request: BrokerModifyRequest, lane: CallLane, options?: OrderCallOptions<void>): Promise<Result<void>>;
  cancelOrder(accountId: AccountId, orderId: OrderId, lane: CallLane, options?: OrderCallOptions<void>): Promise<Result<void>>;
  /** Closes at market; `size` closes part. Working orders are NOT cancelled by the broker. */
  closePosition(accountId: AccountId, contractId: ContractId, size: number | undefined, lane: CallLane): Promise<Result<void>>;

  /** Reads the REST truth for one account (open orders incl. suspended children, positions, fills since `since`). */
  snapshot(accountId: AccountId, since: EpochMs): Promise<Result<BrokerSnapshot>>;
  /** Subscribes the user hub to an account's orders, positions and fills (kept across reconnects). */
  watchAccount(accountId: AccountId): void;
  /** Subscribes the market hub to a contract's quotes, tape and depth (kept across reconnects). */
  watchMarket(contractId: ContractId): void;
  unwatchMarket(contractId: ContractId): void;

  diagnostics(): BrokerDiagnostics;
  /**
   * Drops and reopens both hubs now (after sleep or a network change): subscriptions are replayed
   * and every watched account is reconciled, as after any reconnect.
   */
  reconnect?(reason: string): Promise<void>;
}
