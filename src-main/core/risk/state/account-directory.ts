import type { AccountId, ContractId } from '../../../../src-shared/domain/ids';
import type { PositionView } from '../../../../src-shared/domain/trading';
import type { Clock } from '../../clock';
import type { StorePort } from '../../ports/store-port';
import type { TradingCore } from '../../trading-core';
import { SessionCalendar } from '../calendar/session-calendar';
import type { RiskSettings } from '../config/risk-settings';
import type { LockoutBook } from '../lockouts/lockout-book';
import type { ResetScheduler } from '../reset/reset-scheduler';
import { dayNetCents } from '../rules/rule-helpers';
import type { RiskEvent } from '../rules/rule-types';
import { AccountBook } from './account-book';
import { AccountLedger } from './account-ledger';
import { syncFromCore } from './account-sync';
import type { MarketFacts } from './market-facts';

/** What the account directory works with. */
export interface AccountDirectoryDependencies {
  readonly core: TradingCore;
  readonly clock: Clock;
  readonly store: StorePort | undefined;
  /** An account's settings as the rules use them (personal with the program's rules on top). */
  readonly settings: (accountId: AccountId) => RiskSettings;
  readonly reset: ResetScheduler;
  readonly locks: LockoutBook;
  readonly market: MarketFacts;
  readonly running: () => boolean;
  readonly evaluate: (book: AccountBook, event: RiskEvent) => void;
  /** A position changed: keep its stop-loss grace deadline. */
  readonly trackGrace: (accountId: AccountId, position: PositionView | undefined, contractId: ContractId, settings: RiskSettings) => void;
  /** An account was added: the session timer may need to move. */
  readonly added: () => void;
}

/** The session calendar of an account's settings. */
export function sessionCalendar(settings: RiskSettings): SessionCalendar {
  const { openMinutes, closeMinutes, flattenMarginMs, timeZone } = settings.session;
  return new SessionCalendar({ openMinutes, closeMinutes, flattenMarginMs, timeZone });
}

/**
 * Every account the risk manager follows: its book, its trading day (started at the roll, or at
 * start-up when the roll passed while the terminal was closed), its sync with the trading core,
 * and which accounts hold each contract (quotes go only to them).
 */
export class AccountDirectory {
  private readonly books = new Map<AccountId, AccountBook>();
  private readonly holders = new Map<ContractId, Set<AccountBook>>();

  public constructor(private readonly dependencies: AccountDirectoryDependencies) {}

  /** A followed account's book. */
  public get(accountId: AccountId): AccountBook | undefined {
    return this.books.get(accountId);
  }

  /** Every followed account. */
  public all(): IterableIterator<AccountBook> {
    return this.books.values();
  }

  /** The accounts holding a contract. */
  public holdersOf(contractId: ContractId): ReadonlySet<AccountBook> | undefined {
    return this.holders.get(contractId);
  }

  /** The book of an account, created (synced with the core and evaluated) on first sight. */
  public bookOf(accountId: AccountId): AccountBook {
    const known = this.books.get(accountId);
    if (known !== undefined) return known;
    const { core, store, settings, market } = this.dependencies;
    const book = new AccountBook(accountId, new AccountLedger(accountId, store), sessionCalendar(settings(accountId)), market);
    this.books.set(accountId, book);
    book.account = core.accounts.get(accountId);
    this.ensureDay(book);
    if (this.dependencies.running()) {
      this.resync(book);
      this.reevaluate(book);
      this.dependencies.added();
    }
    return book;
  }

  /** Starts the day's counters when the account's trading day changed (at the roll, or since the last run). */
  public ensureDay(book: AccountBook): void {
    const { clock, settings, reset, locks, store } = this.dependencies;
    if (book.inDay(clock.now())) return;
    const { dayRoll } = settings(book.accountId);
    const day = reset.currentDay(dayRoll);
    book.dayStartAt = reset.dayStart(dayRoll);
    book.nextRollAt = reset.arm(book.accountId, dayRoll);
    if (book.day.day === day) return;
    const previousDay = book.history.day;
    book.history.roll(day);
    book.startDay(day);
    locks.rollDay(book.accountId);
    if (previousDay !== '')
      store?.audit({ at: clock.now(), accountId: book.accountId, action: 'risk.reset', actor: 'risk', detail: { from: previousDay, to: day } });
  }

  /** The roll timer fired: start the new day and run the day-roll rules. */
  public roll(accountId: AccountId): void {
    const book = this.books.get(accountId);
    if (book === undefined || !this.dependencies.running()) return;
    const previousDay = book.day.day;
    this.ensureDay(book);
    if (book.day.day === previousDay) return;
    this.resync(book);
    this.dependencies.evaluate(book, { kind: 'day-roll', at: this.dependencies.clock.now(), day: book.day.day, previousDay });
  }

  /** The trading day of an instant for an account (no time-zone work inside the current day). */
  public dayOf(book: AccountBook, time: number): string {
    return book.inDay(time) ? book.day.day : this.dependencies.reset.dayOf(time, this.dependencies.settings(book.accountId).dayRoll);
  }

  /** Mirrors the core into the book after a reconciliation or REST read, and runs what changed. */
  public resync(book: AccountBook): void {
    const events = syncFromCore(book, this.dependencies.core, this.dependencies.clock.now(), (time) => this.dayOf(book, time));
    for (const event of events) {
      if (event.kind === 'position') this.positionMoved(book, event.position);
      if (event.kind === 'trade') book.history.updateDay(dayNetCents(book));
    }
    for (const event of events) this.dependencies.evaluate(book, event);
  }

  /** Lifts the condition locks whose condition holds now (trading enabled again, symbol no longer blocked). */
  public liftSettledLocks(book: AccountBook): void {
    const { locks, settings } = this.dependencies;
    if (book.account?.canTrade === true) locks.liftCondition(book.accountId, 'trading-enabled');
    const { symbolBlocks } = settings(book.accountId);
    const blocked = symbolBlocks.enabled ? symbolBlocks.symbols : new Set<string>();
    locks.liftCondition(book.accountId, 'symbol-unblocked', (lock) => lock.symbol !== null && blocked.has(lock.symbol));
  }

  /** Runs the account, every position and order, and the clock through the rules again (after a start or a config change). */
  public reevaluate(book: AccountBook): void {
    const { evaluate, clock } = this.dependencies;
    const now = clock.now();
    this.liftSettledLocks(book);
    if (book.account !== undefined) evaluate(book, { kind: 'account', at: now, account: book.account });
    for (const order of [...book.workingOrders.values()]) evaluate(book, { kind: 'order', at: now, order });
    for (const position of [...book.positions.values()]) evaluate(book, { kind: 'position', at: now, position, previousSize: position.size });
    evaluate(book, { kind: 'clock', at: now, reason: 'start', contractId: null });
  }

  /** Keeps the holders index, the quote subscription and the grace deadline after a position changed. */
  public positionMoved(book: AccountBook, position: PositionView): void {
    const holders = this.holders.get(position.contractId) ?? new Set<AccountBook>();
    this.holders.set(position.contractId, holders);
    if (position.size === 0) holders.delete(book);
    else {
      holders.add(book);
      this.dependencies.market.watch(position.contractId);
    }
    this.dependencies.trackGrace(book.accountId, book.positions.get(position.contractId), position.contractId, this.dependencies.settings(book.accountId));
  }

  /** Applies a changed configuration to the account's calendar and day. */
  public settingsChanged(book: AccountBook, before: RiskSettings, after: RiskSettings): void {
    book.session = sessionCalendar(after);
    const roll = (settings: RiskSettings) => `${settings.dayRoll.hour}:${settings.dayRoll.minute}@${settings.dayRoll.timeZone}`;
    if (roll(before) === roll(after)) return;
    // A new roll time: work the day out again (and re-arm its timer).
    book.dayStartAt = 0;
    book.nextRollAt = 0;
    this.ensureDay(book);
  }
}
