import type { Clock } from '../../core/clock';
import { silentLogger, type Logger } from '../../core/logger';
import type { EpochMs } from '../../../src-shared/domain/ids';
import { isAnyMarketOpen } from '../../../src-shared/exchange';
import type { FetchFunction } from './rest/http-transport';
import type { RateBudget } from './rest/request-gate';
import type { Scheduler } from '../../core/scheduler';
import { systemScheduler } from '../../core/system-scheduler';

/** TopstepX endpoints (docs/projectx-gateway.md §1). */
export const topstepXUrls = {
  rest: 'https://api.topstepx.com',
  userHub: 'https://rtc.topstepx.com/hubs/user',
  marketHub: 'https://rtc.topstepx.com/hubs/market',
} as const;

/** Options of `createProjectXBroker`. Only the credentials are required. */
export interface ProjectXBrokerOptions {
  /** Platform login name (not an email address). */
  readonly userName: string;
  /** ProjectX API key. Never logged. */
  readonly apiKey: string;
  /** REST base URL; default TopstepX. */
  readonly restUrl?: string;
  readonly userHubUrl?: string;
  readonly marketHubUrl?: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Timers (tests move time by hand); default the real ones. */
  readonly scheduler?: Scheduler;
  readonly fetch?: FetchFunction;
  /** `live` flag of contract and bar requests (paid live data); default false. */
  readonly live?: boolean;
  /** Deadline of one REST call; default 10 s. */
  readonly requestTimeoutMs?: number;
  /**
   * Client-side budgets, kept below the server's 50/30 s (bars) and 200/60 s (everything else). The
   * `other` budget's `reserved` slots (default 20 for the priority lane, 20 more for reconciliation;
   * a tenth of the budget each when a budget names none) are kept from ordinary calls.
   */
  readonly rateBudgets?: { readonly bars: RateBudget; readonly other: RateBudget };
  /** Wait after a 429 without Retry-After; default 5 s. */
  readonly defaultRetryAfterMs?: number;
  /** How many 429s one call waits out before failing; default 4. */
  readonly maxRateLimitRetries?: number;
  /** Refresh the token this long before it expires; default 30 min. */
  readonly tokenRefreshLeadMs?: number;
  /** Market silence (subscribed, market open) that counts as a frozen feed; default 30 s. */
  readonly staleFeedMs?: number;
  /** How often the watchdog looks; default 5 s. */
  readonly watchdogCheckMs?: number;
  /**
   * Whether the market of any subscribed contract trades at `at`; default the exchange module's
   * sessions (regular Globex week, daily halt, CME holidays by product group).
   */
  readonly isMarketOpen?: (at: EpochMs, contractIds: readonly string[]) => boolean;
  /** Delays of SignalR's automatic reconnect; default 0, 2, 5, 10, 20, 30 s, then the restart loop. */
  readonly reconnectDelaysMs?: readonly number[];
  /** Backoff of the restart loop; default 1 s doubling to 30 s. */
  readonly restartBackoffMs?: { readonly initial: number; readonly max: number };
  /** Watch time after `GatewayLogout` before judging the hub; default 15 s. */
  readonly logoutGraceMs?: number;
  /** Wait for a last price when a trailing stop needs one; default 3 s. */
  readonly lastPriceWaitMs?: number;
  /** How far back the customTag lookup after an unanswered place searches; default 5 min. */
  readonly placeLookupMarginMs?: number;
  /** SignalR server timeout and keep-alive; default 30 s and 15 s. */
  readonly hubServerTimeoutMs?: number;
  readonly hubKeepAliveMs?: number;
  /** Backoff of a failed reconciliation; default 2 s doubling to 60 s. */
  readonly reconcileRetryMs?: { readonly initial: number; readonly max: number };
  /**
   * How far before a noticed stream gap the reconciliation after it looks for changes, on top of the
   * hub's server timeout (a silently dead socket loses events for that long before it is noticed):
   * covers the skew between this clock and the broker's timestamps. Default 5 s.
   */
  readonly reconcileMarginMs?: number;
}

/** The options with every default filled in. */
export type ResolvedOptions = Required<ProjectXBrokerOptions>;

const systemClock: Clock = { now: () => Date.now() };

/** Fills in the defaults. */
export function resolveOptions(options: ProjectXBrokerOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    userName: options.userName,
    apiKey: options.apiKey,
    restUrl: topstepXUrls.rest,
    userHubUrl: topstepXUrls.userHub,
    marketHubUrl: topstepXUrls.marketHub,
    logger: silentLogger,
    clock: systemClock,
    scheduler: systemScheduler,
    fetch: (input, init) => fetch(input, init),
    live: false,
    requestTimeoutMs: 10_000,
    rateBudgets: { bars: { requests: 45, windowMs: 30_000 }, other: { requests: 180, windowMs: 60_000, reserved: { priority: 20, reconcile: 20 } } },
    defaultRetryAfterMs: 5_000,
    maxRateLimitRetries: 4,
    tokenRefreshLeadMs: 30 * 60_000,
    staleFeedMs: 30_000,
    watchdogCheckMs: 5_000,
    isMarketOpen: isAnyMarketOpen,
    reconnectDelaysMs: [0, 2_000, 5_000, 10_000, 20_000, 30_000],
    restartBackoffMs: { initial: 1_000, max: 30_000 },
    logoutGraceMs: 15_000,
    lastPriceWaitMs: 3_000,
    placeLookupMarginMs: 5 * 60_000,
    hubServerTimeoutMs: 30_000,
    hubKeepAliveMs: 15_000,
    reconcileRetryMs: { initial: 2_000, max: 60_000 },
    reconcileMarginMs: 5_000,
    ...withoutUndefined(options),
  };
  return { ...resolved, restUrl: resolved.restUrl.replace(/\/+$/, '') };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
