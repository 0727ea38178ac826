import type { BrokerChannel, BrokerChannelState, BrokerEvent } from '../../core/ports/broker-port';
import type { ResolvedOptions } from './broker-options';
import { LatencyRing } from './diagnostics/latency-ring';
import { HubLink } from './hubs/hub-link';
import { LogoutMonitor } from './hubs/logout-monitor';
import { MarketStream } from './hubs/market-stream';
import { StalenessWatchdog } from './hubs/staleness-watchdog';
import { UserStream } from './hubs/user-stream';
import { OrderChanges } from './orders/order-changes';
import { OrderPlacement } from './orders/order-placement';
import { AnnouncedAccountLedger } from './reconcile/announced-account-ledger';
import { CatchUpReader } from './reconcile/catch-up-reader';
import { Reconciler } from './reconcile/reconciler';
import { SnapshotReader } from './reconcile/snapshot-reader';
import { AuthSession } from './rest/auth-session';
import { BrokerReads } from './rest/broker-reads';
import { ContractCache } from './rest/contract-cache';
import { HttpTransport } from './rest/http-transport';
import { ReferenceReads } from './rest/reference-reads';
import { RequestGate, type RateBudget } from './rest/request-gate';
import { RestClient } from './rest/rest-client';
import { LastPrices } from './state/last-prices';
import { OrderCache } from './state/order-cache';
import { WirePositionCache } from './state/wire-position-cache';
import { ViewConverter } from './state/view-converter';
import { TimerScope } from './support/timer-scope';
import { ThrottledWarn } from './support/throttled-warn';

// A slow answer is not a lost link: the core keeps trading on `stale`, and halts on `down`.
const restStates = { answering: 'live', slow: 'stale', unreachable: 'down' } as const;

/** Every component of the adapter, wired. */
export interface BrokerParts {
  readonly timers: TimerScope;
  readonly transport: HttpTransport;
  readonly gates: { readonly bars: RequestGate; readonly other: RequestGate };
  readonly latency: LatencyRing;
  readonly rest: RestClient;
  readonly auth: AuthSession;
  readonly reads: BrokerReads;
  readonly contracts: ContractCache;
  readonly reference: ReferenceReads;
  readonly userLink: HubLink;
  readonly marketLink: HubLink;
  readonly userStream: UserStream;
  readonly marketStream: MarketStream;
  readonly watchdog: StalenessWatchdog;
  readonly reader: SnapshotReader;
  readonly reconciler: Reconciler;
  readonly ledger: AnnouncedAccountLedger;
  readonly placement: OrderPlacement;
  readonly changes: OrderChanges;
  readonly lastPrices: LastPrices;
}

/** Callbacks from the parts to the broker that owns them. */
export interface BrokerHooks {
  readonly emit: (event: BrokerEvent) => void;
  readonly link: (channel: BrokerChannel, state: BrokerChannelState, reason: string) => void;
  readonly hubConnected: (channel: 'user-hub' | 'market-hub', reconnect: boolean) => void;
}

/** A budget that names no reserve keeps a tenth of its slots for the priority lane and a tenth for reconciliation. */
function withReserve(budget: RateBudget): RateBudget {
  if (budget.reserved !== undefined) return budget;
  const tenth = Math.floor(budget.requests / 10);
  return { ...budget, reserved: { priority: tenth, reconcile: tenth } };
}

/** Builds the component graph from resolved options. */
export function buildParts(options: ResolvedOptions, hooks: BrokerHooks): BrokerParts {
  const { clock, logger } = options;
  const timers = new TimerScope(options.scheduler);
  const transport = new HttpTransport(options.fetch, timers);
  // Bars are only ever ordinary calls: their budget keeps no reserve.
  const gates = {
    bars: new RequestGate(options.rateBudgets.bars, clock, timers),
    other: new RequestGate(withReserve(options.rateBudgets.other), clock, timers),
  };
  // Everything the core is told passes the ledger, so a reconnect can re-announce what did not change.
  const ledger = new AnnouncedAccountLedger(clock);
  const emit = (event: BrokerEvent): void => {
    ledger.observe(event);
    hooks.emit(event);
  };
  const latency = new LatencyRing();
  const rest = new RestClient({
    settings: {
      baseUrl: options.restUrl,
      timeoutMs: options.requestTimeoutMs,
      defaultRetryAfterMs: options.defaultRetryAfterMs,
      maxRetryAfterMs: 120_000,
      maxRateLimitRetries: options.maxRateLimitRetries,
    },
    transport,
    gates,
    clock,
    logger,
    latency,
    health: (health) => hooks.link('rest', restStates[health.state], health.state === 'answering' ? 'answering' : health.reason),
  });
  const auth = new AuthSession(
    rest,
    { userName: options.userName, apiKey: options.apiKey },
    { refreshLeadMs: options.tokenRefreshLeadMs, fallbackRefreshMs: 60 * 60_000, retryAfterFailureMs: 60_000 },
    clock,
    timers,
    logger,
  );
  rest.useTokens(auth);
  const contracts = new ContractCache(rest, logger, options.live);
  const reads = new BrokerReads(rest, logger);
  const converter = new ViewConverter(contracts, logger);
  const orders = new OrderCache();
  const positions = new WirePositionCache();
  const lastPrices = new LastPrices(timers);
  const warn = new ThrottledWarn(logger, clock);
  const hubSettings = {
    reconnectDelaysMs: options.reconnectDelaysMs,
    restartInitialMs: options.restartBackoffMs.initial,
    restartMaxMs: options.restartBackoffMs.max,
    serverTimeoutMs: options.hubServerTimeoutMs,
    keepAliveMs: options.hubKeepAliveMs,
  };
  const hubParts = (channel: 'user-hub' | 'market-hub') => ({
    token: () => auth.currentToken,
    clock,
    timers,
    logger,
    onState: (state: BrokerChannelState, reason: string) => hooks.link(channel, state, reason),
    onConnected: (reconnect: boolean) => hooks.hubConnected(channel, reconnect),
    renewToken: () => auth.refresh(),
  });
  const userLink = new HubLink({ ...hubSettings, url: options.userHubUrl, name: 'user-hub' }, hubParts('user-hub'));
  const marketLink = new HubLink({ ...hubSettings, url: options.marketHubUrl, name: 'market-hub' }, hubParts('market-hub'));
  const reader = new SnapshotReader({ reads, converter, orders, positions, clock });
  const catchUp = new CatchUpReader({ rest, converter, orders, positions, ledger, clock, logger });
  const reconciler = new Reconciler(reader, emit, clock, timers, logger, options.reconcileRetryMs, catchUp);
  const userStream = new UserStream({ link: userLink, reads, converter, orders, positions, emit, onFill: (fill) => reconciler.sawFill(fill), warn, logger });
  const marketStream = new MarketStream({ link: marketLink, contracts, lastPrices, emit, warn, clock, logger });
  const watchdog = new StalenessWatchdog(
    marketLink,
    { staleAfterMs: options.staleFeedMs, checkEveryMs: options.watchdogCheckMs },
    options.isMarketOpen,
    clock,
    timers,
    logger,
  );
  const logoutParts = { refreshToken: () => auth.refresh(), timers, logger, graceMs: options.logoutGraceMs };
  new LogoutMonitor(userLink, { ...logoutParts, expectsEvents: () => false }).register();
  new LogoutMonitor(marketLink, {
    ...logoutParts,
    expectsEvents: () => marketLink.subscriptionCount > 0 && options.isMarketOpen(clock.now(), marketLink.subscribedContracts),
  }).register();
  userStream.register();
  marketStream.register();
  const lastPrice = (contractId: string) => lastPrices.require(contractId, (id) => marketStream.borrowQuotes(id), options.lastPriceWaitMs);
  const reconcile = (accountId: number): void => void reconciler.account(accountId);
  const placement = new OrderPlacement({ rest, reads, contracts, clock, logger, timers, lastPrice, reconcile, lookupMarginMs: options.placeLookupMarginMs });
  const changes = new OrderChanges({ rest, reads, contracts, orders, positions, logger, clock, timers, lastPrice, reconcile });
  const reference = new ReferenceReads(rest, contracts, logger, options.live);
  return {
    timers,
    transport,
    gates,
    latency,
    rest,
    auth,
    reads,
    contracts,
    reference,
    userLink,
    marketLink,
    userStream,
    marketStream,
    watchdog,
    reader,
    reconciler,
    ledger,
    placement,
    changes,
    lastPrices,
  };
}
