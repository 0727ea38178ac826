import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import type { RiskAuditPage, RiskStateView } from '../../../src-shared/domain/risk';
import type { AccountView, ContractView } from '../../../src-shared/domain/trading';
import type { PreTradeGate } from '../orders/order-service';
import type { BrokerEvent } from '../ports/broker-port';
import { RiskConfigService } from './config/risk-config-service';
import type { RiskSettings } from './config/risk-settings';
import { Enforcement } from './enforcement/enforcement';
import { createPreTradeGate } from './gate/pre-trade-gate';
import { OrderThrottle } from './gate/order-throttle';
import { LockoutBook, type LockChange } from './lockouts/lockout-book';
import { traderDayLock } from './lockouts/trader-lock';
import { runPipeline, type PipelineOutcome } from './pipeline/risk-pipeline';
import { ResetScheduler } from './reset/reset-scheduler';
import { RiskClock } from './risk-clock';
import type { RiskManagerDependencies } from './risk-manager-dependencies';
import { readRiskAudit } from './risk-audit';
import { dayNetCents, isProtectiveStop } from './rules/rule-helpers';
import type { RiskEvent } from './rules/rule-types';
import type { AccountBook } from './state/account-book';
import { AccountDirectory } from './state/account-directory';
import { BreachRecorder } from './state/breach-recorder';
import { MarketFacts } from './state/market-facts';
import { StatePublisher } from './state/state-publisher';
import { buildStateView } from './state/risk-state-view';
import { NamedTimers } from './timers/named-timers';
import { AccountPrograms, type ProgramChoice } from './program/account-programs';
import { withProgram } from './program/program-layer';
import { useProgramSource } from '../positions/summaries';
import { defaultRiskConfigFor } from '../../../src-shared/domain/risk-config';
import { programFigures, legacyDailyLossCents, type AccountProgramView, type FloorMode } from '../../../src-shared/programs';
import { accountEquity } from './rules/rule-014-max-loss-limit';
import type { Result } from '../../../src-shared/result';

/**
 * The risk manager: the pre-trade gate, and the rules with enforcement, over every account the broker
 * reports and every fill, position, order, account and quote event, whether the order came from this
 * terminal or another app, with or without a window open. It observes the trading core in the same
 * turn as the state update; only broker calls are async.
 */
export class RiskManager {
  /** The gate to install on the order service. */
  public readonly gate: PreTradeGate;
  /** Per-account configuration, presets and lock-in (the risk handlers call it). */
  public readonly config: RiskConfigService;
  /** Every lock in force. There is no unlock: locks end at their time or condition. */
  public readonly locks: LockoutBook;
  /** Which Topstep program each account is in (detected, or the trader's choice). */
  public readonly programs: AccountPrograms;
  /** The named timers (grace deadlines, rolls, session boundaries, sweeps). */
  public readonly timers: NamedTimers;
  /** The only part that calls the broker. */
  public readonly enforcement: Enforcement;
  private readonly reset: ResetScheduler;
  private readonly market: MarketFacts;
  private readonly breaches: BreachRecorder;
  private readonly ticker: RiskClock;
  private readonly accounts: AccountDirectory;
  private readonly links = new Map<string, string>();
  private readonly publisher: StatePublisher;
  private unsubscribe: (() => void) | undefined;
  private running = false;
  private readonly effective = new Map<AccountId, { readonly personal: RiskSettings; readonly key: string; readonly settings: RiskSettings }>();
  private readonly lockObservers = new Set<(accountId: AccountId, lock: { readonly id: string; readonly reason: string } | undefined) => void>();

  public constructor(private readonly dependencies: RiskManagerDependencies) {
    const { core, store, logger, scheduler, events } = dependencies;
    const time = dependencies.clock;
    this.timers = new NamedTimers(time, scheduler, store, logger);
    this.publisher = new StatePublisher(scheduler, (accountId) => {
      const view = this.state(accountId);
      if (view !== undefined) events.emit('risk.state', view);
    });
    this.programs = new AccountPrograms(store, time, (accountId) => this.programChanged(accountId));
    useProgramSource(core, (account) => this.programs.of(account.id, account));
    this.config = new RiskConfigService({
      store,
      clock: time,
      logger,
      defaultsFor: (accountId) => defaultRiskConfigFor(legacyDailyLossCents(this.program(accountId).size) / 100),
      changed: (accountId) => this.configChanged(accountId),
    });
    this.locks = new LockoutBook(time, store, logger, (changes) => this.locksChanged(changes));
    this.market = new MarketFacts(core, time, dependencies.broker, logger, (contractId) => this.contractResolved(contractId));
    this.breaches = new BreachRecorder(time, store, events);
    this.reset = new ResetScheduler(time, this.timers, (accountId) => this.accounts.roll(accountId));
    this.enforcement = new Enforcement({
      ...dependencies,
      policy: dependencies.retryPolicy,
      protectedAfterRead: (accountId, contractId) => this.protectedAfterRead(accountId, contractId),
      changed: (accountId) => this.markDirty(accountId, true),
      alarm: (accountId, message) => {
        events.emit('notifications.added', { level: 'error', title: 'Risk enforcement failed', message, at: time.now() });
        this.markDirty(accountId, true);
      },
    });
    this.ticker = new RiskClock({
      clock: time,
      timers: this.timers,
      locks: this.locks,
      market: this.market,
      frozenFeedMs: dependencies.frozenFeedMs,
      books: () => this.accounts.all(),
      book: (accountId) => this.accounts.get(accountId),
      discover: () => {
        for (const accountId of this.dependencies.core.accounts.keys()) this.accounts.bookOf(accountId);
      },
      evaluate: (book, event) => this.evaluate(book, event),
      frozenChanged: (book, message) => {
        if (message !== null) events.emit('notifications.added', { level: 'warning', title: 'Risk: frozen feed', message, at: time.now() });
        this.markDirty(book.accountId, true);
      },
    });
    this.accounts = new AccountDirectory({
      core,
      clock: time,
      store,
      settings: (accountId) => this.settingsOf(accountId),
      reset: this.reset,
      locks: this.locks,
      market: this.market,
      running: () => this.running,
      evaluate: (book, event) => this.evaluate(book, event),
      trackGrace: (accountId, position, contractId, settings) => this.ticker.trackGrace(accountId, position, contractId, settings),
      added: () => this.ticker.rearm(),
    });
    this.gate = createPreTradeGate({
      clock: time,
      locks: this.locks,
      throttle: new OrderThrottle(),
      state: (accountId, contract) => this.gateState(accountId, contract),
      settings: (accountId) => this.settingsOf(accountId),
      orderSeen: (accountId, customTag) => this.dependencies.core.orders.byTag(accountId, customTag) !== undefined,
    });
  }

  /** Restores locks and timers, observes the core, and takes every account it already knows. */
  public start(): void {
    if (this.running) return;
    this.running = true;
    this.locks.restore();
    this.timers.restore();
    this.unsubscribe = this.dependencies.core.observe((event) => this.handle(event));
    for (const accountId of this.dependencies.core.accounts.keys()) this.accounts.bookOf(accountId);
    this.ticker.start();
  }

  /**
   * Mirrors every account the core knows and runs its state through the rules. Call it after the
   * core's start-up reconciliation, which updates the core without events; the heartbeat also
   * picks up accounts it has not seen.
   */
  public syncAccounts(): void {
    if (!this.running) return;
    for (const accountId of this.dependencies.core.accounts.keys()) {
      const known = this.accounts.get(accountId);
      const book = this.accounts.bookOf(accountId);
      if (known === undefined) continue;
      this.accounts.resync(book);
      this.accounts.reevaluate(book);
    }
  }

  /** Stops observing, timers and retries, for good (persisted locks and deadlines stay for the next run's manager). */
  public stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.ticker.stop();
    this.timers.dispose();
    this.enforcement.dispose();
    this.publisher.dispose();
  }

  /** The panel's view of an account; undefined for an account the broker never reported. */
  public state(accountId: AccountId): RiskStateView | undefined {
    const book = this.accounts.get(accountId) ?? (this.dependencies.core.accounts.has(accountId) ? this.accounts.bookOf(accountId) : undefined);
    if (book === undefined) return undefined;
    const now = this.dependencies.clock.now();
    const disconnected = [...this.links]
      .filter(([, state]) => state === 'down' || state === 'reconnecting')
      .map(([channel, state]) => `broker ${channel} ${state}`);
    return buildStateView({
      book,
      settings: this.settingsOf(accountId),
      personal: this.config.settings(accountId),
      program: this.program(accountId),
      locks: this.locks.of(accountId),
      effectiveLock: this.locks.effective(accountId, undefined),
      breaches: this.breaches.recent(accountId),
      inFlight: this.enforcement.inFlightCount(accountId),
      failure: this.enforcement.failure(accountId),
      frozen: this.ticker.frozenMessage(book),
      disconnected: disconnected.length > 0 ? disconnected.join(', ') : null,
      configLockedUntil: this.config.view(accountId).lockedUntil,
      now,
    });
  }

  /**
   * Hears, at once and in the same turn, every change of an account's lock covering the whole
   * account (the strategies pause on it); a typed internal signal, not the panel's throttled event.
   * Returns the function that stops it.
   */
  public observeLocks(observer: (accountId: AccountId, lock: { readonly id: string; readonly reason: string } | undefined) => void): () => void {
    this.lockObservers.add(observer);
    return () => this.lockObservers.delete(observer);
  }

  /** The program of an account: the trader's choice, else detected from its name or balance. */
  public program(accountId: AccountId): AccountProgramView {
    return this.programs.of(accountId, this.dependencies.core.accounts.get(accountId));
  }

  /**
   * Sets an account's program (null: detect it again; undefined: keep it) and how its maximum loss
   * floor trails (undefined: keep it); its program rules apply at once.
   */
  public setProgram(accountId: AccountId, choice: ProgramChoice | null | undefined, actor: string, floor?: FloorMode): Result<AccountProgramView> {
    if (choice !== undefined) {
      const set = this.programs.set(accountId, choice, actor);
      if (!set.ok) return set;
    }
    if (floor !== undefined) {
      const set = this.programs.setFloorMode(accountId, floor, actor);
      if (!set.ok) return set;
    }
    return { ok: true, value: this.program(accountId) };
  }

  /**
   * The settings the rules and the gate use: the account's personal configuration with its
   * program's rules on top (stricter of the two). Cached until either changes; the Express Funded
   * tier is read at the last close (balance minus today's net), so it never rises intraday.
   */
  public settingsOf(accountId: AccountId): RiskSettings {
    const personal = this.config.settings(accountId);
    const program = this.program(accountId);
    const figures = programFigures(program.kind, program.size);
    let endOfDayProfit = 0;
    if (figures !== null && figures.scaling !== null) {
      const book = this.accounts.get(accountId);
      const balance = book?.history.balanceCents ?? book?.account?.balanceCents;
      if (book !== undefined && balance !== undefined && balance !== null) endOfDayProfit = balance - dayNetCents(book) - figures.startingBalanceCents;
    }
    const floor = this.programs.floorMode(accountId);
    const key = `${program.kind}|${program.size ?? ''}|${endOfDayProfit}|${floor}`;
    const cached = this.effective.get(accountId);
    if (cached !== undefined && cached.personal === personal && cached.key === key) return cached.settings;
    const layered = withProgram(personal, figures, endOfDayProfit);
    // The floor trails as the account's choice says (kept beside its program override).
    const settings = { ...layered, maxLossLimit: { ...layered.maxLossLimit, trailing: floor } };
    this.effective.set(accountId, { personal, key, settings });
    return settings;
  }

  /** A page of the risk manager's audit rows. */
  public audit(accountId: AccountId | null, before: number | null, limit: number): RiskAuditPage {
    return readRiskAudit(this.dependencies.store, accountId, before, limit);
  }

  /**
   * The trader's "lock trading for the rest of the day": a hard lock of the account until its next
   * day roll (audited with the actor `trader`). Undefined for an account the broker never reported.
   */
  public lockForDay(accountId: AccountId): RiskStateView | undefined {
    if (this.accounts.get(accountId) === undefined && !this.dependencies.core.accounts.has(accountId)) return undefined;
    const book = this.accounts.bookOf(accountId);
    this.accounts.ensureDay(book);
    this.locks.add(accountId, traderDayLock(book.nextRollAt));
    return this.state(accountId);
  }

  /** Runs one broker event through the risk pipeline (the core calls it after updating its state). */
  public handle(event: BrokerEvent): void {
    if (!this.running) return;
    const { core } = this.dependencies;
    const now = this.dependencies.clock.now();
    switch (event.kind) {
      case 'account':
        this.onAccount(event.account, now);
        return;
      case 'order': {
        const book = this.accounts.bookOf(event.order.accountId);
        const order = core.orders.get(event.order.id) ?? event.order;
        book.applyOrder(order);
        this.evaluate(book, { kind: 'order', at: now, order });
        this.enforcement.notify(book.accountId);
        return;
      }
      case 'position': {
        const { accountId, contractId } = event.position;
        const book = this.accounts.bookOf(accountId);
        const position = core.positions.get(accountId, contractId) ?? { ...event.position, size: 0 };
        const previousSize = book.applyPosition(position);
        this.accounts.positionMoved(book, position);
        this.evaluate(book, { kind: 'position', at: now, position, previousSize });
        this.enforcement.notify(accountId);
        return;
      }
      case 'fill': {
        const book = this.accounts.bookOf(event.fill.accountId);
        this.accounts.ensureDay(book);
        if (event.fill.voided && book.day.void(event.fill)) {
          // A busted trade leaves the day's figures; what it already locked stays locked.
          book.history.updateDay(dayNetCents(book));
          this.markDirty(book.accountId, true);
        } else if (book.recordFill(event.fill, this.accounts.dayOf(book, event.fill.time), now)) {
          book.history.updateDay(dayNetCents(book));
          this.evaluate(book, { kind: 'trade', at: now, fill: event.fill, replay: false });
        }
        this.enforcement.notify(book.accountId);
        return;
      }
      case 'quote': {
        this.market.quoteArrived(event.quote.contractId, now);
        const holders = this.accounts.holdersOf(event.quote.contractId);
        if (holders === undefined) return;
        for (const book of holders) {
          book.markBest(event.quote.contractId);
          this.evaluate(book, { kind: 'quote', at: now, quote: event.quote });
        }
        return;
      }
      case 'link':
        this.links.set(event.channel, event.state);
        for (const book of this.accounts.all()) this.markDirty(book.accountId, true);
        return;
      case 'reconciled':
        this.accounts.resync(this.accounts.bookOf(event.snapshot.accountId));
        this.enforcement.notify(event.snapshot.accountId);
        return;
      case 'tape':
      case 'depth':
        return;
    }
  }

  private onAccount(account: AccountView, now: number): void {
    const book = this.accounts.bookOf(account.id);
    book.account = account;
    book.history.updateBalance(account.balanceCents, dayNetCents(book));
    this.accounts.liftSettledLocks(book);
    this.evaluate(book, { kind: 'account', at: now, account });
  }

  /** Runs the pipeline for one account event and acts on what it found. */
  private evaluate(book: AccountBook, event: RiskEvent): void {
    const { accountId } = book;
    const now = this.dependencies.clock.now();
    book.lastEventAt = now;
    // The day's highest equity (balance plus open P&L), which the intraday floor trails. Taken at a
    // quote, or while flat: between a close's balance update and its position update the equity
    // would count the same profit twice, and a high once recorded is never taken back.
    const equity = accountEquity(book);
    if (equity !== undefined && (event.kind === 'quote' || book.positions.size === 0)) book.history.updateEquity(equity, now);
    const outcome = runPipeline({
      state: book,
      event,
      settings: this.settingsOf(accountId),
      now,
      lockFor: (symbol) => this.locks.effective(accountId, symbol),
    });
    if (outcome.breaches.length > 0) this.act(book, event, outcome);
    this.markDirty(accountId, false);
  }

  private act(book: AccountBook, event: RiskEvent, outcome: PipelineOutcome): void {
    const { accountId } = book;
    const trigger = { kind: event.kind, at: event.at };
    for (const breach of outcome.breaches) this.breaches.record(accountId, breach, trigger);
    for (const lock of outcome.locks) this.locks.add(accountId, lock);
    const reason = outcome.breaches.map((breach) => breach.message).join('; ');
    for (const action of outcome.actions) {
      const owner = outcome.breaches.find((breach) => breach.actions.some((candidate) => candidate.kind === action.kind)) ?? outcome.breaches[0];
      if (owner === undefined) continue;
      void this.enforcement.submit({ accountId, action, ruleId: owner.ruleId, reason, trigger });
    }
    this.markDirty(accountId, true);
  }

  private gateState(accountId: AccountId, contract: ContractView): AccountBook {
    this.market.remember(contract);
    return this.accounts.bookOf(accountId);
  }

  private protectedAfterRead(accountId: AccountId, contractId: string): boolean {
    const book = this.accounts.bookOf(accountId);
    this.accounts.resync(book);
    const position = book.positions.get(contractId);
    return position !== undefined && [...book.workingOrders.values()].some((order) => isProtectiveStop(order, position));
  }

  private contractResolved(contractId: ContractId): void {
    const now = this.dependencies.clock.now();
    for (const book of this.accounts.holdersOf(contractId) ?? []) this.evaluate(book, { kind: 'clock', at: now, reason: 'resolved', contractId });
  }

  private programChanged(accountId: AccountId): void {
    this.configChanged(accountId);
    this.dependencies.core.announceAccount(accountId);
    this.markDirty(accountId, true);
  }

  private configChanged(accountId: AccountId): void {
    const before = this.effective.get(accountId)?.settings;
    const after = this.settingsOf(accountId);
    const book = this.accounts.get(accountId);
    if (book === undefined || before === undefined) return;
    this.accounts.settingsChanged(book, before, after);
    this.accounts.liftSettledLocks(book);
    if (!this.running) return;
    this.accounts.reevaluate(book);
    this.ticker.rearm();
  }

  private locksChanged(changes: readonly LockChange[]): void {
    const now = this.dependencies.clock.now();
    for (const { change, lock } of changes) {
      const actor = change === 'added' && lock.ruleId === 'trader' ? 'trader' : `risk:${lock.ruleId}`;
      this.dependencies.store?.audit({ at: now, accountId: lock.accountId, action: `risk.lock.${change}`, actor, detail: { lock } });
      this.markDirty(lock.accountId, true);
    }
    for (const accountId of new Set(changes.map(({ lock }) => lock.accountId))) {
      const effective = this.locks.effective(accountId, undefined);
      for (const observer of this.lockObservers) observer(accountId, effective === undefined ? undefined : { id: effective.id, reason: effective.reason });
    }
    if (this.running) this.ticker.rearm();
  }

  private markDirty(accountId: AccountId, urgent: boolean): void {
    this.publisher.mark(accountId, urgent);
  }
}
