import { z } from 'zod';
import type { AppInfo, Pong } from './domain/app-info';
import type { ConnectionState } from './domain/connection';
import type { OrderId } from './domain/ids';
import type { BarUpdate, DepthView } from './domain/market-data';
import type { AccountSummary, DiagnosticsView, PositionSummary } from './domain/summaries';
import type { AccountView, ContractView, FillView, OrderView, QuoteView } from './domain/trading';
import type { BarColumns } from './domain/bar-columns';
import type { RiskAuditPage, RiskConfigExport, RiskConfigView, RiskStateView } from './domain/risk';
import { riskPresets } from './domain/risk-config';
import { floorModes, programKinds, programSizes, type AccountProgramView } from './programs';
import { notificationKinds, type CredentialsStatus, type DesktopSettingsView } from './domain/host-settings';
import type { BacktestProgressView, BacktestResultView, BacktestRunView, JournalView, TradeStatsView } from './domain/analytics';
import type {
  IndicatorSeriesView,
  StrategyDetailView,
  StrategyKindView,
  StrategyLogEntry,
  StrategyMark,
  StrategyParametersOutcome,
  StrategyView,
} from './domain/strategies';
import * as strategyRequests from './strategy-requests';
import type { ErrorCode } from './result';
import { bracketTemplateSchema, type BracketCatalogView, type BracketDefault, type BracketTemplate } from './domain/brackets';

/**
 * THE contract between the main process and every client (renderer, CLI, tests).
 * A call channel pairs a runtime request schema with a response type; an event channel names a
 * payload type. Adding a channel is one entry below; handlers are then required by the type
 * system and checked again at start-up.
 */

/** Declares a call channel: the request schema, then `.returns<Response>()` names the response type. */
function call<Request extends z.ZodType>(request: Request): { returns<Response>(): CallSpec<Request, Response> } {
  return {
    returns<Response>(): CallSpec<Request, Response> {
      return { request };
    },
  };
}

/** Declares an event channel by its payload type. */
function event<Payload>(): EventSpec<Payload> {
  return {} as EventSpec<Payload>;
}

/** A call channel's declaration. The response field exists only in the type. */
export interface CallSpec<Request extends z.ZodType, Response> {
  readonly request: Request;
  readonly response?: Response;
}

/** An event channel's declaration. The payload field exists only in the type. */
export interface EventSpec<Payload> {
  readonly payload?: Payload;
}

const empty = z.object({}).strict();
const accountId = z.number().int().positive().optional();
const symbol = z.string().trim().min(1).max(40);
const price = z.number().finite().positive();
const size = z.number().int().positive().max(10_000);
const ticks = z.number().int().positive().max(10_000);
const orderId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** How long an order command may wait before it is dropped unsent (default: the `orders.deadlineMs` setting, else 5 s); below a client call's 30 s timeout. */
const deadlineMs = z.number().int().min(100).max(25_000);
const orderTypes = ['market', 'limit', 'stop', 'stop-limit', 'trailing-stop', 'join-bid', 'join-ask'] as const;
/** A risk configuration document in its JSON form; its fields are validated by the risk manager. */
const riskDocument = z.record(z.string(), z.unknown());

/** An order as a client asks for it: decimal prices, converted to ticks at the edge. */
const placeOrder = z
  .object({
    accountId,
    symbol,
    side: z.enum(['buy', 'sell']),
    size,
    type: z.enum(orderTypes).default('market'),
    limitPrice: price.optional(),
    stopPrice: price.optional(),
    trailTicks: ticks.optional(),
    /** A one-off template's stop and target, in ticks (the limits of a template's). */
    stopLossTicks: ticks.max(2000).optional(),
    takeProfitTicks: ticks.max(5000).optional(),
    /** A bracket template by name, or `none` for no protection (instead of the account's default). */
    template: z.string().trim().min(1).max(40).optional(),
    deadlineMs: deadlineMs.optional(),
  })
  .strict()
  .superRefine((order, context) => {
    if (order.template !== undefined && (order.stopLossTicks !== undefined || order.takeProfitTicks !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['template'],
        message: 'cannot be combined with stopLossTicks/takeProfitTicks (they are a one-off template of their own)',
      });
    }
    const needsLimit = order.type === 'limit' || order.type === 'stop-limit';
    const needsStop = order.type === 'stop' || order.type === 'stop-limit';
    if (needsLimit && order.limitPrice === undefined)
      context.addIssue({ code: 'custom', path: ['limitPrice'], message: `is required for a ${order.type} order` });
    if (!needsLimit && order.limitPrice !== undefined)
      context.addIssue({ code: 'custom', path: ['limitPrice'], message: `is not used by a ${order.type} order` });
    if (needsStop && order.stopPrice === undefined) context.addIssue({ code: 'custom', path: ['stopPrice'], message: `is required for a ${order.type} order` });
    if (!needsStop && order.stopPrice !== undefined) context.addIssue({ code: 'custom', path: ['stopPrice'], message: `is not used by a ${order.type} order` });
    if (order.type === 'trailing-stop' && order.trailTicks === undefined)
      context.addIssue({ code: 'custom', path: ['trailTicks'], message: 'is required for a trailing-stop order' });
    if (order.type !== 'trailing-stop' && order.trailTicks !== undefined)
      context.addIssue({ code: 'custom', path: ['trailTicks'], message: `is not used by a ${order.type} order` });
  });

/** A placed order: the broker's id and the terminal's client tag. */
export interface PlacedOrder {
  readonly orderId: OrderId;
  readonly customTag: string;
  readonly contractId: string;
}

/**
 * The final outcome of an order command that was answered `unknown-outcome` (sent, no answer by
 * its deadline), settled later by its client tag or by reading the order back. Exactly one follows
 * every such answer; `unresolved` means the terminal could not settle it (check the broker's orders).
 */
export interface OrderResolution {
  readonly command: 'place' | 'modify' | 'cancel';
  readonly accountId: number;
  /** The client tag (a place's own; a modified or cancelled order's when known, else ''). */
  readonly customTag: string;
  /** The broker's order id: the placed order's, or the modified or cancelled one. */
  readonly orderId: OrderId | null;
  readonly outcome: 'placed' | 'not-placed' | 'modified' | 'not-modified' | 'cancelled' | 'not-cancelled' | 'unresolved';
  /** The error code of a failed outcome. */
  readonly code: ErrorCode | null;
  readonly message: string;
  readonly at: number;
}

/** What a flatten, reverse or cancel-all did. */
export interface BulkOutcome {
  readonly cancelledOrders: number;
  readonly closedPositions: number;
  readonly placedOrders: number;
}

/** Every call channel. */
export const calls = {
  'app.info': call(empty).returns<AppInfo>(),
  'app.ping': call(z.object({ nonce: z.string().max(64).optional() }).strict()).returns<Pong>(),
  'connection.get': call(empty).returns<ConnectionState>(),
  'diagnostics.get': call(empty).returns<DiagnosticsView>(),

  'accounts.list': call(empty).returns<AccountSummary[]>(),
  'accounts.select': call(z.object({ accountId: z.number().int().positive() }).strict()).returns<AccountView>(),

  'contracts.search': call(z.object({ text: z.string().trim().min(1).max(40) }).strict()).returns<ContractView[]>(),
  'contracts.resolve': call(z.object({ symbol }).strict()).returns<ContractView>(),
  'market.quote': call(z.object({ symbol }).strict()).returns<{ contract: ContractView; quote: QuoteView | null }>(),
  'market.bars': call(
    z
      .object({
        symbol,
        unit: z.enum(['second', 'minute', 'hour', 'day', 'week', 'month']).default('minute'),
        unitNumber: z.number().int().positive().max(1440).default(1),
        count: z.number().int().positive().max(100_000).default(300),
        /** Epoch ms of the end of the window (exclusive); defaults to now. */
        to: z.number().int().positive().optional(),
      })
      .strict(),
  ).returns<{ contract: ContractView; bars: BarColumns }>(),
  'market.depth': call(z.object({ symbol, levels: z.number().int().positive().max(50).default(10) }).strict()).returns<DepthView>(),

  'positions.list': call(z.object({ accountId }).strict()).returns<PositionSummary[]>(),
  'orders.list': call(z.object({ accountId, scope: z.enum(['working', 'recent']).default('working') }).strict()).returns<OrderView[]>(),
  'fills.list': call(z.object({ accountId, limit: z.number().int().positive().max(5000).default(100) }).strict()).returns<FillView[]>(),

  'orders.place': call(placeOrder).returns<PlacedOrder>(),
  'orders.modify': call(
    z
      .object({
        accountId,
        orderId,
        price: price.optional(),
        stopPrice: price.optional(),
        size: size.optional(),
        trailTicks: ticks.optional(),
        deadlineMs: deadlineMs.optional(),
      })
      .strict()
      .refine((change) => change.price !== undefined || change.stopPrice !== undefined || change.size !== undefined || change.trailTicks !== undefined, {
        message: 'needs at least one of price, stopPrice, size, trailTicks',
        path: ['price'],
      }),
  ).returns<OrderView>(),
  'orders.cancel': call(z.object({ accountId, orderId, deadlineMs: deadlineMs.optional() }).strict()).returns<OrderView>(),
  'orders.cancelAll': call(z.object({ accountId, symbol: symbol.optional() }).strict()).returns<BulkOutcome>(),
  'positions.flatten': call(z.object({ accountId, symbol: symbol.optional() }).strict()).returns<BulkOutcome>(),
  'positions.reverse': call(z.object({ accountId, symbol }).strict()).returns<BulkOutcome>(),

  /** Bracket templates (ATM): the named templates, each account's defaults and the missing-stop policy. */
  'brackets.list': call(empty).returns<BracketCatalogView & { missingStop: 'place' | 'alarm' }>(),
  /** Adds a template or replaces the one of the same name; every field is validated (the error names it). */
  'brackets.set': call(z.object({ template: bracketTemplateSchema }).strict()).returns<BracketTemplate>(),
  'brackets.remove': call(z.object({ name: z.string().trim().min(1).max(40) }).strict()).returns<{ name: string }>(),
  /** An account's default template for one root (or every contract without `symbol`); `template: null` is "none", `clear` removes the default. */
  'brackets.default': call(
    z.object({ accountId, symbol: symbol.optional(), template: z.string().trim().min(1).max(40).nullable(), clear: z.boolean().default(false) }).strict(),
  ).returns<BracketDefault[]>(),
  /** What reconciliation does about a position without a stop: place its template's stop, or alarm only. */
  'brackets.options': call(z.object({ missingStop: z.enum(['place', 'alarm']).optional() }).strict()).returns<{ missingStop: 'place' | 'alarm' }>(),

  /** The risk panel of an account (default: the selected one). */
  'risk.state': call(z.object({ accountId }).strict()).returns<RiskStateView>(),
  'risk.config.get': call(z.object({ accountId }).strict()).returns<RiskConfigView>(),
  /** A partial configuration in its JSON form, merged over the current one and validated (the error names the field). */
  'risk.config.set': call(z.object({ accountId, config: riskDocument }).strict()).returns<RiskConfigView>(),
  'risk.config.export': call(z.object({ accountId }).strict()).returns<RiskConfigExport>(),
  /** A whole configuration document (missing fields take the defaults); the lock-in still applies. */
  'risk.config.import': call(z.object({ accountId, config: riskDocument }).strict()).returns<RiskConfigView>(),
  'risk.presets.apply': call(z.object({ accountId, preset: z.enum(riskPresets) }).strict()).returns<RiskConfigView>(),
  /** Locks the configuration until the next day roll: limits may then only be made stricter. */
  'risk.lockIn': call(z.object({ accountId }).strict()).returns<RiskConfigView>(),
  /**
   * Sets an account's Topstep program and size (the program rules follow at once); `program: null`
   * goes back to detecting it from the account's name or balance, left out keeps it. `floor`: how
   * the maximum loss floor trails (`eod`, the default, or `intraday`), left out keeps it. Answers
   * the account's program.
   */
  'risk.program.set': call(
    z
      .object({
        accountId,
        program: z.enum(programKinds).nullable().optional(),
        size: z.enum(programSizes).nullable().default(null),
        floor: z.enum(floorModes).optional(),
      })
      .strict(),
  ).returns<AccountProgramView>(),
  /** The trader's own hard lock of the account until the next day roll (the tray's "lock trading for the rest of the day"); no unlock. */
  'risk.lockForDay': call(z.object({ accountId }).strict()).returns<RiskStateView>(),
  /** The risk manager's audit rows, newest first; `before` is the cursor from the previous page. */
  'risk.audit': call(
    z
      .object({
        accountId,
        before: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.number().int().positive().max(500).default(50),
      })
      .strict(),
  ).returns<RiskAuditPage>(),

  /** Whether broker credentials are kept (never the key). The headless host reports its environment. */
  'settings.credentials.get': call(empty).returns<CredentialsStatus>(),
  /** Desktop: keeps the ProjectX credentials with the OS's secure storage; used from the next start. */
  'settings.credentials.set': call(
    z.object({ userName: z.string().trim().min(1).max(200), apiKey: z.string().trim().min(1).max(4096) }).strict(),
  ).returns<CredentialsStatus>(),
  'settings.credentials.clear': call(empty).returns<CredentialsStatus>(),
  /** Desktop: native notifications by kind, the local API for the CLI, start at login. */
  'settings.desktop.get': call(empty).returns<DesktopSettingsView>(),
  /** Desktop: changes only the settings given. */
  'settings.desktop.set': call(
    z
      .object({
        notifications: z.partialRecord(z.enum(notificationKinds), z.boolean()).optional(),
        localApi: z.object({ enabled: z.boolean() }).strict().optional(),
        startAtLogin: z.boolean().optional(),
      })
      .strict(),
  ).returns<DesktopSettingsView>(),

  /** Strategies: kinds, instances per account and contract, lifecycle, parameters, log, chart marks (issue 7). */
  'strategies.kinds': call(empty).returns<StrategyKindView[]>(),
  'strategies.list': call(strategyRequests.listStrategiesRequest).returns<StrategyView[]>(),
  'strategies.get': call(strategyRequests.strategyRequest).returns<StrategyDetailView>(),
  /** Creates a stopped strategy on an account (default: the selected one) and a contract. */
  'strategies.create': call(strategyRequests.createStrategyRequest).returns<StrategyView>(),
  'strategies.start': call(strategyRequests.strategyRequest).returns<StrategyView>(),
  'strategies.pause': call(strategyRequests.strategyRequest).returns<StrategyView>(),
  'strategies.resume': call(strategyRequests.strategyRequest).returns<StrategyView>(),
  /** Stops; with `flatten: true` also cancels its orders and closes its position. */
  'strategies.stop': call(strategyRequests.stopStrategyRequest).returns<StrategyView>(),
  /** Live parameters apply at once; the others wait for the next start (the answer says which). */
  'strategies.parameters': call(strategyRequests.strategyParametersRequest).returns<StrategyParametersOutcome>(),
  /** Removes a stopped strategy. */
  'strategies.remove': call(strategyRequests.strategyRequest).returns<{ id: string }>(),
  'strategies.log': call(strategyRequests.strategyLogRequest).returns<StrategyLogEntry[]>(),
  /** Which orders (and so fills) strategies placed, for chart marking. */
  'strategies.marks': call(strategyRequests.strategyMarksRequest).returns<StrategyMark[]>(),
  /** Indicators (values in ticks, RSI 0..100) over the newest bars of a series, for the chart. */
  'indicators.compute': call(strategyRequests.computeIndicatorsRequest).returns<{ contract: ContractView; series: IndicatorSeriesView[] }>(),
  /** Starts a backtest; progress and the end come as `backtest.progress` / `backtest.finished`. */
  'backtest.start': call(strategyRequests.startBacktestRequest).returns<BacktestRunView>(),
  'backtest.status': call(strategyRequests.backtestRunRequest).returns<BacktestRunView>(),
  'backtest.result': call(strategyRequests.backtestRunRequest).returns<BacktestResultView>(),
  'backtest.cancel': call(strategyRequests.backtestRunRequest).returns<BacktestRunView>(),
  /** Round trips of an account (entry, exit, size, P&L in ticks and cents, duration, strategy or manual). */
  'journal.list': call(strategyRequests.journalRequest).returns<JournalView>(),
  /** Statistics by day, hour, contract and strategy, and the equity curve. */
  'journal.stats': call(strategyRequests.statsRequest).returns<TradeStatsView>(),
};

/** Every event channel. */
export const events = {
  'connection.changed': event<ConnectionState>(),
  'accounts.changed': event<AccountSummary>(),
  'orders.changed': event<OrderView>(),
  /** The late outcome of an order command answered `unknown-outcome` (one per such answer). */
  'orders.resolved': event<OrderResolution>(),
  'positions.changed': event<{ accountId: number; contractId: string; summary: PositionSummary | null }>(),
  'fills.added': event<FillView>(),
  /** Coalesced to display rate per contract. */
  'quotes.tick': event<QuoteView>(),
  /** A live bar of a series some client loaded with market.bars; coalesced to display rate per bar. */
  'bars.updated': event<BarUpdate>(),
  'notifications.added': event<{ level: 'info' | 'warning' | 'error'; title: string; message: string; at: number }>(),
  /** An account's risk panel, whenever any of it changes (values at most 4 times a second; locks and breaches at once). */
  'risk.state': event<RiskStateView>(),
  /** A strategy changed (status, position, orders, today's figures, parameters); coalesced per turn. */
  'strategies.changed': event<StrategyView>(),
  'strategies.removed': event<{ id: string }>(),
  /** A line of a strategy's decision log. */
  'strategies.log': event<StrategyLogEntry>(),
  /** The bracket templates, the accounts' defaults or the missing-stop policy changed (read `brackets.list` again). */
  'brackets.changed': event<{ at: number }>(),
  /** A backtest's progress (at most once per percent). */
  'backtest.progress': event<BacktestProgressView>(),
  /** A backtest ended: completed, cancelled or failed. */
  'backtest.finished': event<BacktestRunView>(),
};

/** Name of a call channel. */
export type CallChannel = keyof typeof calls;
/** Name of an event channel. */
export type EventChannel = keyof typeof events;
/** What a caller passes (before defaults are applied). */
export type CallRequest<C extends CallChannel> = z.input<(typeof calls)[C]['request']>;
/** What a handler receives (after validation and defaults). */
export type ParsedRequest<C extends CallChannel> = z.output<(typeof calls)[C]['request']>;
/** What a call returns on success. */
export type CallResponse<C extends CallChannel> = NonNullable<(typeof calls)[C]['response']>;
/** An event's payload. */
export type EventPayload<E extends EventChannel> = NonNullable<(typeof events)[E]['payload']>;

/** All call channel names, for run-time checks. */
export const callChannels = Object.keys(calls) as CallChannel[];
/** All event channel names, for run-time checks. */
export const eventChannels = Object.keys(events) as EventChannel[];

/** True when the string names a call channel. */
export function isCallChannel(value: unknown): value is CallChannel {
  return typeof value === 'string' && Object.hasOwn(calls, value);
}

/** True when the string names an event channel. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
