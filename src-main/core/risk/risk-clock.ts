import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import type { PositionView } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';
import { productGroups, type ProductGroup } from '../../../src-shared/exchange';
import type { RiskSettings } from './config/risk-settings';
import type { LockoutBook } from './lockouts/lockout-book';
import type { RiskEvent } from './rules/rule-types';
import type { AccountBook } from './state/account-book';
import type { MarketFacts } from './state/market-facts';
import type { NamedTimers } from './timers/named-timers';

/** What the risk clock drives. */
export interface RiskClockDependencies {
  readonly clock: Clock;
  readonly timers: NamedTimers;
  readonly locks: LockoutBook;
  readonly market: MarketFacts;
  /** No quote for this long while a position is open is a frozen feed (default 30 s). */
  readonly frozenFeedMs: number | undefined;
  readonly books: () => Iterable<AccountBook>;
  readonly book: (accountId: AccountId) => AccountBook | undefined;
  /** Takes accounts the core knows but the risk manager has not seen yet. */
  readonly discover: () => void;
  readonly evaluate: (book: AccountBook, event: RiskEvent) => void;
  readonly frozenChanged: (book: AccountBook, message: string | null) => void;
}

const groups: readonly ProductGroup[] = productGroups;
const heartbeatMs = 5000;

/**
 * The risk manager's clock-driven work, all on named timers: the session boundaries (rule 009),
 * each position's stop-loss grace deadline (rule 008, persisted), the sweep of expired locks, and
 * the heartbeat that notices a frozen feed while positions are open.
 */
export class RiskClock {
  private startedAt = 0;
  private readonly frozen = new Map<AccountId, string | null>();

  public constructor(private readonly dependencies: RiskClockDependencies) {
    const { timers } = dependencies;
    timers.handle('session', () => this.onSession());
    timers.handle('locks-sweep', () => {
      dependencies.locks.sweep();
      this.armSweep();
    });
    timers.handle('heartbeat', () => this.onHeartbeat());
    timers.handle('grace', (record) => {
      const book = dependencies.book(Number(record.data.accountId));
      const contractId = String(record.data.contractId);
      if (book !== undefined) dependencies.evaluate(book, { kind: 'clock', at: dependencies.clock.now(), reason: 'grace', contractId });
    });
  }

  /** Arms the session, sweep and heartbeat timers. */
  public start(): void {
    this.startedAt = this.dependencies.clock.now();
    this.rearm();
    this.armHeartbeat();
  }

  /** Nothing to release beyond the timers, which the manager disposes. */
  public stop(): void {
    this.frozen.clear();
  }

  /** Re-arms the session and sweep timers after a change of locks, accounts or configuration. */
  public rearm(): void {
    this.armSession();
    this.armSweep();
  }

  /** Starts, keeps or drops the stop-loss grace deadline of a position. */
  public trackGrace(accountId: AccountId, position: PositionView | undefined, contractId: ContractId, settings: RiskSettings): void {
    const name = `grace:${accountId}:${contractId}`;
    if (position === undefined || !settings.noStopLossGrace.enabled) {
      this.dependencies.timers.cancel(name);
      return;
    }
    const deadline = position.openedAt + settings.noStopLossGrace.graceMs;
    this.dependencies.timers.set({ name, kind: 'grace', deadline, data: { accountId, contractId }, persist: true });
  }

  /** Why the feed looks frozen for an account, or null. */
  public frozenMessage(book: AccountBook): string | null {
    const { clock, market } = this.dependencies;
    const limit = this.dependencies.frozenFeedMs ?? 30_000;
    const now = clock.now();
    for (const contractId of book.positions.keys()) {
      const last = market.lastQuoteAt(contractId) ?? this.startedAt;
      if (now - last > limit) return `no quotes for ${book.contract(contractId).symbol} for ${Math.round((now - last) / 1000)} s while a position is open`;
    }
    return null;
  }

  private armSession(): void {
    const now = this.dependencies.clock.now();
    let next = Number.POSITIVE_INFINITY;
    for (const book of this.dependencies.books()) next = Math.min(next, book.session.nextChange(now, groups));
    if (Number.isFinite(next)) this.dependencies.timers.set({ name: 'session', kind: 'session', deadline: next, data: {}, persist: false });
  }

  private armSweep(): void {
    const next = this.dependencies.locks.nextExpiry();
    if (next === undefined) this.dependencies.timers.cancel('locks-sweep');
    else this.dependencies.timers.set({ name: 'locks-sweep', kind: 'locks-sweep', deadline: next, data: {}, persist: false });
  }

  private armHeartbeat(): void {
    this.dependencies.timers.set({ name: 'heartbeat', kind: 'heartbeat', deadline: this.dependencies.clock.now() + heartbeatMs, data: {}, persist: false });
  }

  private onSession(): void {
    const now = this.dependencies.clock.now();
    for (const book of this.dependencies.books()) this.dependencies.evaluate(book, { kind: 'clock', at: now, reason: 'session', contractId: null });
    this.armSession();
  }

  private onHeartbeat(): void {
    this.dependencies.discover();
    for (const book of this.dependencies.books()) {
      const message = this.frozenMessage(book);
      if ((this.frozen.get(book.accountId) ?? null) !== message) {
        const wasFrozen = (this.frozen.get(book.accountId) ?? null) !== null;
        this.frozen.set(book.accountId, message);
        // Announce a new freeze once, and its end; the seconds counting up are not news.
        if (wasFrozen !== (message !== null)) this.dependencies.frozenChanged(book, message);
      }
    }
    this.armHeartbeat();
  }
}
