import { ok, type Result } from '../../src-shared/result';
import type { AccountId, ContractId } from '../../src-shared/domain/ids';
import type { AccountView, FillView, OrderView, QuoteView } from '../../src-shared/domain/trading';
import type { Clock } from './clock';
import type { ConnectionMonitor } from './connection-monitor';
import { ContractCatalog } from './contracts/contract-catalog';
import type { EventHub } from './event-hub';
import type { Logger } from './logger';
import { QuoteBook } from './market/quote-book';
import { DepthBook } from './market/depth-book';
import { DisplayThrottle } from './market/display-throttle';
import type { Scheduler } from './scheduler';
import { systemScheduler } from './system-scheduler';
import { LiveBars } from './market/live-bars';
import type { BarUpdate } from '../../src-shared/domain/market-data';
import { OrderBook } from './orders/order-book';
import { OrderCauses } from './orders/order-causes';
import type { BrokerChannel, BrokerChannelState, BrokerEvent, BrokerPort, BrokerSnapshot } from './ports/broker-port';
import type { StorePort } from './ports/store-port';
import { FillLedger } from './positions/fill-ledger';
import { PositionBook } from './positions/position-book';
import { summarizeAccount, summarizePosition } from './positions/summaries';
import { cachedTradingDayOf, tradingDayOf, tradingDayStart } from '../../src-shared/exchange';

/** What the trading core is built from. */
export interface TradingCoreDependencies {
  readonly broker: BrokerPort;
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly connection: ConnectionMonitor;
  /** Timers of the display throttles; default the real ones. */
  readonly scheduler?: Scheduler;
}

const channels: readonly BrokerChannel[] = ['rest', 'user-hub', 'market-hub'];

/**
 * The terminal's picture of the broker: accounts, orders, positions, fills and quotes, changed only
 * by broker events, announced to clients, journaled to the store. Trading stays halted until every
 * account has been reconciled with the broker, and halts again whenever a broker connection drops.
 */
export class TradingCore {
  public readonly orders = new OrderBook();
  /** Who caused each order and fill (manual, a leg, a rule, a strategy, another app). */
  public readonly causes = new OrderCauses();
  public readonly positions = new PositionBook();
  public readonly fills = new FillLedger(cachedTradingDayOf());
  public readonly quotes = new QuoteBook();
  public readonly depth = new DepthBook();
  public readonly liveBars = new LiveBars();
  public readonly accounts = new Map<AccountId, AccountView>();
  public readonly contracts: ContractCatalog;
  public selectedAccountId: AccountId | undefined;
  private readonly linkStates = new Map<BrokerChannel, BrokerChannelState>();
  private readonly reconciled = new Set<AccountId>();
  private readonly quoteThrottle: DisplayThrottle<QuoteView>;
  private readonly barThrottle: DisplayThrottle<BarUpdate>;
  private unsubscribe: (() => void) | undefined;
  private readonly observers = new Set<(event: BrokerEvent) => void>();

  public constructor(private readonly dependencies: TradingCoreDependencies) {
    this.contracts = new ContractCatalog(dependencies.broker, dependencies.store);
    const scheduler = dependencies.scheduler ?? systemScheduler;
    this.quoteThrottle = new DisplayThrottle(
      dependencies.clock,
      scheduler,
      (quote) => quote.contractId,
      (quote) => dependencies.events.emit('quotes.tick', quote),
    );
    this.barThrottle = new DisplayThrottle(
      dependencies.clock,
      scheduler,
      (update) => `${update.contractId}|${update.unit}|${update.unitNumber}|${update.bar.time}`,
      (update) => dependencies.events.emit('bars.updated', update),
    );
  }

  /** Restores what the store knows, connects to the broker and reconciles every account. */
  /**
   * Restores what the store knows (once), connects to the broker and reconciles every account.
   * Fails, halted, when the broker cannot be reached or refuses (a 429 storm after a restart, a
   * network down): call it again to retry; the host does, with back-off.
   */
  public async start(): Promise<Result<void>> {
    const { broker, store, connection, clock, logger } = this.dependencies;
    if (this.unsubscribe === undefined) {
      this.fills.rollTo(tradingDayOf(clock.now()));
      for (const account of store?.accounts() ?? []) this.accounts.set(account.id, account);
      for (const account of this.accounts.values())
        for (const fill of store?.fillsSince(account.id, tradingDayStart(clock.now())) ?? []) this.fills.record(fill);
      this.unsubscribe = broker.subscribe((event) => this.handle(event));
    }
    connection.update('connecting', 'halted', 'connecting to the broker');
    const started = await broker.start();
    if (!started.ok) {
      connection.update('down', 'halted', `cannot connect to the broker: ${started.error.message}`);
      logger.error({ code: started.error.code, message: started.error.message }, 'broker start failed');
      return started;
    }
    if (!this.linkStates.has('rest')) this.linkStates.set('rest', 'live');
    const accounts = await broker.accounts();
    if (!accounts.ok) {
      connection.update('down', 'halted', `cannot list accounts: ${accounts.error.message}`);
      return accounts;
    }
    for (const account of accounts.value) this.applyAccount(account);
    this.selectedAccountId ??= accounts.value.find((account) => account.canTrade)?.id ?? accounts.value[0]?.id;
    await Promise.all(accounts.value.map((account) => this.reconcileAccount(account.id)));
    return ok(undefined);
  }

  /** Stops listening to the broker and closes it. */
  public async stop(): Promise<void> {
    this.unsubscribe?.();
    this.quoteThrottle.dispose();
    this.barThrottle.dispose();
    await this.dependencies.broker.stop();
  }

  /** Reads an account's REST truth and reconciles to it. */
  public async reconcileAccount(accountId: AccountId): Promise<void> {
    const { broker, clock } = this.dependencies;
    this.dependencies.broker.watchAccount(accountId);
    const since = Math.min(this.fills.lastFillTime(accountId) ?? Number.POSITIVE_INFINITY, tradingDayStart(clock.now()));
    const snapshot = await broker.snapshot(accountId, since);
    if (snapshot.ok) this.applySnapshot(snapshot.value);
    else this.dependencies.logger.warn({ accountId, message: snapshot.error.message }, 'reconciliation failed');
  }

  /**
   * Adds an observer that sees every broker event right after the state has taken it, in the same
   * turn (the risk manager runs here). Returns the function that removes it.
   */
  public observe(observer: (event: BrokerEvent) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Applies one broker event: state first, then the store and the clients, then the observers. */
  public handle(event: BrokerEvent): void {
    this.apply(event);
    for (const observer of this.observers) {
      try {
        observer(event);
      } catch (error) {
        this.dependencies.logger.error({ kind: event.kind, error: error instanceof Error ? error.message : String(error) }, 'a broker event observer threw');
      }
    }
  }

  private apply(event: BrokerEvent): void {
    const { events, store, clock } = this.dependencies;
    switch (event.kind) {
      case 'account':
        this.applyAccount(event.account);
        return;
      case 'order': {
        const order = this.withCause(event.order);
        if (this.orders.apply(order, clock.now()) === 'ignored') return;
        store?.journal({ kind: 'order', order, at: clock.now() });
        events.emit('orders.changed', order);
        return;
      }
      case 'position': {
        const { accountId, contractId } = event.position;
        const before = this.positions.get(accountId, contractId)?.size ?? 0;
        if (!this.positions.apply(event.position, this.dependencies.clock.now())) return;
        // A close in progress is over once the contract is flat or reversed.
        if (event.position.size === 0 || Math.sign(this.positions.get(accountId, contractId)?.size ?? 0) !== Math.sign(before))
          this.causes.closed(accountId, contractId);
        this.announcePosition(accountId, contractId);
        return;
      }
      case 'fill':
        this.recordFill(event.fill);
        return;
      case 'quote':
        this.quotes.apply(event.quote);
        this.quoteThrottle.offer(event.quote);
        return;
      case 'tape':
        for (const update of this.liveBars.apply(event.contractId, event.trades)) this.barThrottle.offer(update);
        return;
      case 'depth':
        this.depth.apply(event.contractId, event.reset, event.levels);
        return;
      case 'link':
        this.applyLink(event.channel, event.state, event.reason);
        return;
      case 'reconciled':
        this.applySnapshot(event.snapshot);
        return;
    }
  }

  /** Announces an account's figures (after a fill, a balance change or a price move). */
  public announceAccount(accountId: AccountId): void {
    const account = this.accounts.get(accountId);
    if (account !== undefined) this.dependencies.events.emit('accounts.changed', summarizeAccount(this, account));
  }

  private applyAccount(account: AccountView): void {
    this.accounts.set(account.id, account);
    this.dependencies.store?.saveAccount(account);
    this.announceAccount(account.id);
  }

  private withCause(order: OrderView): OrderView {
    const parent = order.parentOrderId === null ? undefined : this.orders.get(order.parentOrderId);
    const cause = this.causes.ofOrder(order, this.dependencies.clock.now(), parent);
    return order.cause === cause ? order : { ...order, cause };
  }

  private recordFill(received: FillView): void {
    const { events, store, clock } = this.dependencies;
    const fill: FillView =
      received.cause === undefined ? { ...received, cause: this.causes.ofFill(received, this.orders.get(received.orderId), clock.now()) } : received;
    this.fills.rollTo(tradingDayOf(clock.now()));
    const outcome = this.fills.record(fill);
    if (outcome === 'repeat') return;
    store?.journal({ kind: outcome === 'new' ? 'fill' : 'void', fill, at: clock.now() });
    events.emit('fills.added', fill);
    this.announceAccount(fill.accountId);
  }

  private applySnapshot(snapshot: BrokerSnapshot): void {
    const { events } = this.dependencies;
    for (const fill of snapshot.fills) this.recordFill(fill);
    // What the stream said after the snapshot's reads began is newer than the snapshot: it stays.
    for (const order of this.orders.reconcile(
      snapshot.accountId,
      snapshot.orders.map((order) => this.withCause(order)),
      snapshot.at,
    ))
      events.emit('orders.changed', order);
    for (const contractId of this.positions.reconcile(snapshot.accountId, snapshot.positions, snapshot.at))
      this.announcePosition(snapshot.accountId, contractId);
    this.reconciled.add(snapshot.accountId);
    this.announceAccount(snapshot.accountId);
    this.updateTradingState();
  }

  private announcePosition(accountId: AccountId, contractId: ContractId): void {
    const position = this.positions.get(accountId, contractId);
    const contract = this.contracts.known(contractId);
    const summary = position !== undefined && contract !== undefined ? summarizePosition(this, position, contract) : null;
    this.dependencies.events.emit('positions.changed', { accountId, contractId, summary });
    this.announceAccount(accountId);
  }

  private applyLink(channel: BrokerChannel, state: BrokerChannelState, reason: string): void {
    const previous = this.linkStates.get(channel);
    this.linkStates.set(channel, state);
    if ((state === 'down' || state === 'reconnecting') && previous === 'live') {
      // Events during the gap are lost: nothing is trusted again until the next reconciliation. The
      // market hub carries no account events: trading halts while it is away and resumes when it is
      // back, with nothing to reconcile.
      if (channel !== 'market-hub') this.reconciled.clear();
      this.dependencies.logger.warn({ channel, state, reason }, 'broker connection lost');
    }
    this.updateTradingState(`${channel}: ${reason}`);
  }

  private updateTradingState(detail?: string): void {
    const { connection } = this.dependencies;
    const states = channels.map((channel) => this.linkStates.get(channel));
    const lost = channels.find((channel) => {
      const state = this.linkStates.get(channel);
      return state === 'down' || state === 'reconnecting';
    });
    if (lost !== undefined) {
      connection.update(
        this.linkStates.get(lost) === 'down' ? 'down' : 'reconnecting',
        'halted',
        `lost the ${lost} connection; order entry halted${detail === undefined ? '' : ` (${detail})`}`,
      );
      return;
    }
    const waiting = [...this.accounts.keys()].filter((accountId) => !this.reconciled.has(accountId));
    if (states.some((state) => state !== 'live' && state !== 'stale') || this.accounts.size === 0 || waiting.length > 0) {
      connection.update('connecting', 'halted', waiting.length > 0 ? `reconciling ${waiting.length} account(s) with the broker` : 'connecting to the broker');
      return;
    }
    connection.update('live', 'active', 'connected and reconciled with the broker');
  }
}
