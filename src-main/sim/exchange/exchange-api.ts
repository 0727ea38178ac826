/**
 * The seam between the simulator's exchange and its ProjectX gateway.
 *
 * The exchange speaks ProjectX models in-process: requests are the gateway's JSON bodies (already
 * parsed from JSON, not yet validated), answers carry the endpoint's own `errorCode` and
 * `errorMessage`, and events are the payloads the hubs push. The gateway only adds transport:
 * HTTP, the envelope, auth, rate limits, SignalR framing, subscriptions and faults.
 * Prices cross this seam as JS numbers on the contract's tick grid; inside, the exchange keeps
 * integer ticks and integer cents.
 */

/** `TradingAccountModel`. */
export interface AccountModel {
  id: number;
  name: string;
  balance: number;
  canTrade: boolean;
  isVisible: boolean;
  simulated: boolean;
}

/** `ContractModel`. */
export interface ContractModel {
  id: string;
  name: string;
  description: string;
  tickSize: number;
  tickValue: number;
  activeContract: boolean;
  symbolId: string;
}

/** `OrderModel` (null fields are omitted on the stream, sent as null over REST: the gateway decides). */
export interface OrderModel {
  id: number;
  accountId: number;
  contractId: string;
  symbolId: string;
  creationTimestamp: string;
  updateTimestamp: string | null;
  status: number;
  type: number;
  side: number;
  size: number;
  limitPrice: number | null;
  stopPrice: number | null;
  fillVolume: number;
  filledPrice: number | null;
  customTag: string | null;
  trailDistance?: number | null;
  trailPrice?: number | null;
  parentOrderId?: number | null;
  linkedOrderId?: number | null;
}

/** `PositionModel`; a position that went flat is sent once with `size: 0` and `type: 0`. */
export interface PositionModel {
  id: number;
  accountId: number;
  contractId: string;
  contractDisplayName: string;
  creationTimestamp: string;
  type: number;
  size: number;
  averagePrice: number;
}

/** `HalfTradeModel`: one fill. `profitAndLoss` is null on an opening fill. */
export interface HalfTradeModel {
  id: number;
  accountId: number;
  contractId: string;
  creationTimestamp: string;
  price: number;
  profitAndLoss: number | null;
  fees: number;
  commissions: number;
  side: number;
  size: number;
  voided: boolean;
  orderId: number;
}

/** One bar of `History/retrieveBars`. */
export interface BarModel {
  t: string;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}

/** `GatewayQuote` data (full form; the gateway may send deltas). */
export interface QuoteModel {
  symbol: string;
  symbolName: string;
  lastPrice: number;
  bestBid: number;
  bestAsk: number;
  change: number;
  changePercent: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  lastUpdated: string;
  timestamp: string;
}

/** One `GatewayTrade` print. `type` is the aggressor: 0 buy, 1 sell. */
export interface MarketTradeModel {
  symbolId: string;
  price: number;
  timestamp: string;
  type: number;
  volume: number;
}

/** One `GatewayDepth` entry (DomType in `type`; `Reset` = 6 clears the book). */
export interface DepthEntryModel {
  timestamp: string;
  type: number;
  price: number;
  volume: number;
  currentVolume: number;
}

/** What the exchange announces. The gateway routes each to the hubs' subscribers. */
export type ExchangeEvent =
  | { readonly kind: 'account'; readonly account: AccountModel }
  | { readonly kind: 'order'; readonly order: OrderModel }
  | { readonly kind: 'position'; readonly position: PositionModel }
  | { readonly kind: 'trade'; readonly trade: HalfTradeModel }
  | { readonly kind: 'quote'; readonly contractId: string; readonly quote: QuoteModel }
  | { readonly kind: 'market-trades'; readonly contractId: string; readonly trades: MarketTradeModel[] }
  | { readonly kind: 'depth'; readonly contractId: string; readonly entries: DepthEntryModel[] };

/** An endpoint's answer: its own error code (0 = success), message, and payload on success. */
export interface ExchangeAnswer<T> {
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly value?: T;
  /**
   * Set when the body failed its schema (a missing field, a string for a number): the field's
   * path. The real server's model binding answers such bodies with HTTP 400; the gateway may too.
   */
  readonly invalidField?: string;
}

/** Everything `GET /sim/state` shows. */
export interface ExchangeState {
  readonly clock: string;
  readonly sessionOpen: boolean;
  readonly feed: { readonly paused: boolean; readonly speed: number };
  readonly accounts: AccountModel[];
  readonly positions: PositionModel[];
  readonly workingOrders: OrderModel[];
  readonly trades: HalfTradeModel[];
  readonly prices: Record<string, number>;
}

/**
 * Feed controls. `quotesPerSecond` starts a quote storm: that many trades a second, spread evenly
 * over `symbols` (default: every market open now), each a tick from the last and published as its
 * own quote, for `seconds` (default 10) of exchange time; 0 ends a storm. The storm's prints are on
 * the tape like any other, so history shows them.
 */
export interface FeedSettings {
  readonly paused?: boolean;
  readonly speed?: number;
  readonly quotesPerSecond?: number;
  readonly seconds?: number;
  readonly symbols?: readonly string[];
}

/** The simulated exchange as the gateway drives it. Bodies are untrusted JSON: validate them. */
export interface SimExchange {
  /** Starts the market clock and the feed. */
  start(): void;
  /** Stops every timer; the exchange can be garbage-collected afterwards. */
  stop(): void;
  /** Listens to every exchange event; returns the function that stops listening. */
  subscribe(listener: (event: ExchangeEvent) => void): () => void;
  /** The exchange clock, epoch milliseconds. */
  now(): number;

  searchAccounts(body: unknown): ExchangeAnswer<AccountModel[]>;
  searchContracts(body: unknown): ExchangeAnswer<ContractModel[]>;
  searchContractById(body: unknown): ExchangeAnswer<ContractModel>;
  availableContracts(body: unknown): ExchangeAnswer<ContractModel[]>;
  retrieveBars(body: unknown): ExchangeAnswer<BarModel[]>;

  /** The answer's value is the order id; a rejected order still carries one. */
  placeOrder(body: unknown): ExchangeAnswer<number> & { readonly orderId: number | null };
  modifyOrder(body: unknown): ExchangeAnswer<null>;
  cancelOrder(body: unknown): ExchangeAnswer<null>;
  searchOrders(body: unknown): ExchangeAnswer<OrderModel[]>;
  searchOpenOrders(body: unknown): ExchangeAnswer<OrderModel[]>;
  searchOrderById(body: unknown): ExchangeAnswer<OrderModel>;
  queryOrders(body: unknown): ExchangeAnswer<{ orders: OrderModel[]; totalCount?: number }>;

  searchOpenPositions(body: unknown): ExchangeAnswer<PositionModel[]>;
  closeContract(body: unknown): ExchangeAnswer<null>;
  partialCloseContract(body: unknown): ExchangeAnswer<null>;
  searchTrades(body: unknown): ExchangeAnswer<HalfTradeModel[]>;

  /** Control: walks the market to the price through a short path; resolves when the last trade is there. */
  movePrice(target: { readonly contractId?: string; readonly symbol?: string; readonly price: number }): Promise<ExchangeAnswer<null>>;
  /** Control: pause, resume or speed up the feed, or start a quote storm (see `FeedSettings`). */
  setFeed(options: FeedSettings): ExchangeAnswer<null>;
  /** Control: create or update an account; pushes an `account` event. */
  upsertAccount(body: unknown): ExchangeAnswer<AccountModel>;
  /** Control: the whole state. */
  state(): ExchangeState;

  // Optional members the gateway uses when present (added by the gateway; it falls back without them).
  /** The contract's full current quote, for the snapshot a new `GatewayQuote` subscriber gets first. */
  quoteSnapshot?(contractId: string): QuoteModel | undefined;
  /** The contract's current book as depth entries (no `Reset`), for a new `GatewayDepth` subscriber. */
  depthSnapshot?(contractId: string): DepthEntryModel[];
  /**
   * Fault `reject-next-order`: records this place request as an order that goes Pending 6 → Rejected 5
   * (pushing its events) and answers code 2 with `message`, still carrying the order id.
   */
  rejectOrder?(body: unknown, message: string): ExchangeAnswer<number> & { readonly orderId: number | null };
  /**
   * Benchmark aid: emits `count` market events for the contract at once (alternating quote and
   * single-level depth updates around the current book; the tape is untouched); returns how many.
   */
  burst?(contractId: string, count: number): number;
}
