import type { AccountId, ContractId, OrderId } from '../../../../src-shared/domain/ids';
import type { Cents } from '../../../../src-shared/domain/money';
import type { RiskRuleHealth, RiskRuleId, RiskSource } from '../../../../src-shared/domain/risk';
import type { AccountView, ContractView, FillView, OrderView, PositionView, QuoteView } from '../../../../src-shared/domain/trading';
import type { ProductGroup } from '../../../../src-shared/exchange';
import type { SessionCalendar } from '../calendar/session-calendar';
import type { RiskSettings } from '../config/risk-settings';
import type { LockRequest } from '../lockouts/risk-lock';

/** What a risk event is about; rules are routed by it. */
export type RiskEventKind = 'account' | 'order' | 'position' | 'trade' | 'quote' | 'clock' | 'day-roll';

/** Why the clock woke the rules. */
export type ClockReason = 'session' | 'grace' | 'start' | 'resolved';

/** One event for one account, after the trading core's state has taken it. `at` is when it arrived. */
export type RiskEvent =
  | { readonly kind: 'account'; readonly at: number; readonly account: AccountView }
  | { readonly kind: 'order'; readonly at: number; readonly order: OrderView }
  /** `previousSize` is the signed size before this event (0 when it opens the position). */
  | { readonly kind: 'position'; readonly at: number; readonly position: PositionView; readonly previousSize: number }
  /** A fill; `replay` when it happened while the terminal was away (seen at reconciliation). */
  | { readonly kind: 'trade'; readonly at: number; readonly fill: FillView; readonly replay: boolean }
  | { readonly kind: 'quote'; readonly at: number; readonly quote: QuoteView }
  | { readonly kind: 'clock'; readonly at: number; readonly reason: ClockReason; readonly contractId: ContractId | null }
  | { readonly kind: 'day-roll'; readonly at: number; readonly day: string; readonly previousDay: string };

/** What the rules know about a contract: the broker's tick data when known, product facts always. */
export interface ContractFacts {
  readonly contractId: ContractId;
  readonly symbol: string;
  /** Undefined until the catalog has the broker's contract data (P&L rules wait for it). */
  readonly view: ContractView | undefined;
  readonly group: ProductGroup;
  readonly micro: boolean;
}

/** The trading day's realized figures of an account, as the risk manager counts them. */
export interface DayFigures {
  readonly day: string;
  readonly realizedCents: Cents;
  readonly feesCents: Cents;
  /** Every fill of the day (half-turns), for the session count. */
  readonly fills: number;
  /** Fill times of the last hour, oldest first. */
  readonly recentFillTimes: readonly number[];
  /** Realized P&L of one closing order so far (a trade closed by several fills counts once). */
  closingOrderCents(orderId: OrderId): Cents;
}

/** Per-account history kept across days (rules 014 and 015). */
export interface AccountHistory {
  /** Highest balance seen at a day roll; null until known. */
  readonly peakEndOfDayCents: Cents | null;
  /** Highest equity (balance plus open P&L) of the finished days; null until known (the intraday floor). */
  readonly peakEquityCents: Cents | null;
  /** Highest equity reached during the trading day in progress; null until seen (reset at the roll). */
  readonly dayHighEquityCents: Cents | null;
  /** Net realized P&L of each finished trading day. */
  readonly days: ReadonlyMap<string, Cents>;
}

/** The read-only state the rules see for one account. */
export interface AccountRiskState {
  readonly accountId: AccountId;
  readonly account: AccountView | undefined;
  readonly positions: ReadonlyMap<ContractId, PositionView>;
  readonly workingOrders: ReadonlyMap<OrderId, OrderView>;
  readonly day: DayFigures;
  readonly history: AccountHistory;
  /** Best mark (in the position's favour) since each position opened, for trailing stops. */
  readonly bestTicks: ReadonlyMap<ContractId, number>;
  readonly session: SessionCalendar;
  readonly nextRollAt: number;
  contract(contractId: ContractId): ContractFacts;
  quote(contractId: ContractId): QuoteView | undefined;
  /** True while a flatten or reverse is closing the contract on purpose (its stop is cancelled ahead of the close). */
  closing(contractId: ContractId): boolean;
}

/** What a breach asks enforcement to do (for the account the pipeline runs for). */
export type RiskAction =
  | { readonly kind: 'flatten-all' }
  /** `unlessProtected`: re-read orders over REST first and skip when a protective stop exists (rule 008). */
  | { readonly kind: 'flatten'; readonly contractId: ContractId; readonly unlessProtected: boolean }
  /** Close part of a position so `targetSize` lots (absolute) remain. */
  | { readonly kind: 'reduce'; readonly contractId: ContractId; readonly targetSize: number }
  | { readonly kind: 'cancel-all'; readonly contractId: ContractId | null }
  | { readonly kind: 'cancel'; readonly contractId: ContractId; readonly orderId: OrderId }
  | { readonly kind: 'move-stop'; readonly contractId: ContractId; readonly orderId: OrderId; readonly stopTicks: number };

/** What a rule found. */
export interface Breach {
  /** The rule, or `trader` for new exposure under the trader's own lock. */
  readonly ruleId: RiskSource;
  /** `breach` enforces; `warning` only tells; `automation` is trade management. */
  readonly level: 'breach' | 'warning' | 'automation';
  /** e.g. `RULE-003 daily realized loss -$850.00 <= -$800.00`. */
  readonly message: string;
  /** Equal keys mean the same breach repeating (recorded and notified once). */
  readonly key: string;
  readonly actions: readonly RiskAction[];
  readonly lock: LockRequest | null;
}

/** What a rule evaluates. */
export interface RuleInput {
  readonly state: AccountRiskState;
  readonly event: RiskEvent;
  readonly settings: RiskSettings;
  readonly now: number;
}

/** A rule's value against its limit, for the panel. */
export interface RuleStatus {
  readonly health: RiskRuleHealth;
  readonly value: string;
  readonly limit: string;
  readonly usage: number | null;
}

/** An order the pre-trade gate asks the rules about, with the orders let through but not yet seen. */
export interface PreTradeInput {
  readonly state: AccountRiskState;
  readonly settings: RiskSettings;
  /** The order being checked. */
  readonly order: { readonly contractId: ContractId; readonly side: 'buy' | 'sell'; readonly size: number };
  /** The order's protective stop, in ticks from its fill, when it carries one (its bracket's). */
  readonly stopLossTicks?: number;
  /** Orders let through that the broker has not reported yet, then the order being checked. */
  readonly pending: readonly { readonly contractId: ContractId; readonly side: 'buy' | 'sell'; readonly size: number }[];
  /** The order's root, e.g. `ES`. */
  readonly symbol: string;
  readonly now: number;
}

/** One rule: a pure function of (state, event, settings, clock) and its panel status. */
export interface RiskRule {
  readonly id: RiskRuleId;
  readonly name: string;
  readonly runsOn: readonly RiskEventKind[];
  enabled(settings: RiskSettings): boolean;
  evaluate(input: RuleInput): Breach | undefined;
  /**
   * The rule's verdict on a new order before it is sent (rules that guard entry): a denial in the
   * rule's own words, or undefined to let it through. Only asked while the rule is enabled, and
   * never for an order that only reduces a position.
   */
  preTrade?(input: PreTradeInput): string | undefined;
  status(state: AccountRiskState, settings: RiskSettings, now: number): RuleStatus;
}
