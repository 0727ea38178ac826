import type { StrategyLogEntry, StrategyParameters, StrategyPauser, StrategyView } from '../../../src-shared/domain/strategies';
import type { AccountId } from '../../../src-shared/domain/ids';
import type { BarView, ContractView, FillView, TapeTrade } from '../../../src-shared/domain/trading';
import { ok, type Result } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { BarHistory } from '../market/bar-history';
import type { OrderService } from '../orders/order-service';
import type { BrokerPort } from '../ports/broker-port';
import type { StorePort } from '../ports/store-port';
import type { TradingCore } from '../trading-core';
import { barEnd } from './bar-rollup';
import { LiveBarFeed } from './live-bar-feed';
import { LiveExecution } from './live-execution';
import type { OrderAttribution } from './order-attribution';
import type { JsonValue } from './strategy-context';
import type { SeriesRequest, StrategyKind } from './strategy-definition';
import type { ExecutionCommand, RuntimeHost } from './strategy-execution';
import { StrategyLedger } from './strategy-ledger';
import { StrategyRuntime } from './strategy-runtime';
import type { Cancel, Scheduler } from '../scheduler';

/** Lines of the decision log kept in memory per strategy. */
const keptLog = 500;
/** How far back a start looks for the strategy's own fills to rebuild its position. */
const restoreWindowMs = 7 * 86_400_000;

/** What every live strategy shares. */
export interface LiveStrategyDependencies {
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly broker: BrokerPort;
  readonly history: BarHistory;
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly attribution: OrderAttribution;
  /** Status, figures or parameters changed: persist and announce. */
  readonly changed: (strategy: LiveStrategy) => void;
}

/** How one strategy instance was set up. */
export interface LiveStrategySetup {
  readonly id: string;
  readonly kind: StrategyKind;
  readonly name: string;
  readonly accountId: AccountId;
  readonly contract: ContractView;
  readonly parameters: StrategyParameters;
  readonly createdAt: number;
}

/**
 * One strategy trading live: its runtime fed from the tape (bars closed by the feed, warmed up on
 * history), its commands through the order service, its timers on the injected scheduler, its
 * state in the store, and its decision log announced to clients.
 */
export class LiveStrategy implements RuntimeHost {
  public readonly runtime: StrategyRuntime;
  public pendingParameters: StrategyParameters | null = null;
  /** Set after a terminal restart: shown as paused until the trader resumes it. */
  public awaitingResume = false;
  public updatedAt: number;
  public readonly logLines: StrategyLogEntry[] = [];
  private readonly execution: LiveExecution;
  private readonly timers = new Map<string, Cancel>();
  private feeds: LiveBarFeed[] = [];
  private announced = false;
  private faultHandled = false;

  public constructor(
    public readonly setup: LiveStrategySetup,
    private readonly dependencies: LiveStrategyDependencies,
  ) {
    this.updatedAt = setup.createdAt;
    this.execution = new LiveExecution(
      {
        strategyId: setup.id,
        accountId: setup.accountId,
        contract: setup.contract,
        core: dependencies.core,
        orders: dependencies.orders,
        attribution: dependencies.attribution,
        now: () => dependencies.clock.now(),
        riskDenied: (message) => this.runtime.pause(`risk denied an order: ${message}`, 'risk'),
      },
      () => this.runtime,
    );
    const ledger = new StrategyLedger(setup.contract, setup.id, setup.accountId);
    this.runtime = new StrategyRuntime({
      id: setup.id,
      kind: setup.kind,
      accountId: setup.accountId,
      contract: setup.contract,
      parameters: setup.parameters,
      clock: dependencies.clock,
      host: this,
      ledger,
    });
  }

  public get id(): string {
    return this.setup.id;
  }

  /** Starts (or restarts) the strategy: pending parameters apply, history warms it up, the tape drives it. */
  public async start(): Promise<Result<void>> {
    const { broker, history, clock, scheduler } = this.dependencies;
    // Fresh series and indicators each start: the warm-up replays history into them.
    this.runtime.reconfigure({ ...this.runtime.parameters, ...(this.pendingParameters ?? {}) });
    this.pendingParameters = null;
    this.awaitingResume = false;
    this.faultHandled = false;
    broker.watchMarket(this.setup.contract.id);
    const now = clock.now();
    const warmups: { series: SeriesRequest; bars: BarView[] }[] = [];
    for (const feed of this.runtime.feeds.feeds) {
      const loaded = await history.load({
        contract: this.setup.contract,
        unit: feed.series.unit,
        unitNumber: feed.series.unitNumber,
        count: feed.series.warmup + 1,
        to: now,
      });
      const bars = loaded.ok ? loaded.value : [];
      if (!loaded.ok) this.runtime.record('warning', `no history to warm up on: ${loaded.error.message}`);
      warmups.push({ series: feed.series, bars });
    }
    this.disposeFeeds();
    this.restoreBook(now);
    this.runtime.start();
    for (const { series, bars } of warmups) {
      const settled = bars.filter((bar) => barEnd(bar.time, series) <= now);
      this.runtime.warmUp(series, settled);
      const feed = new LiveBarFeed(series, clock, scheduler, (bar) => this.runtime.deliverBar(series, bar));
      feed.seed(bars, now);
      this.feeds.push(feed);
    }
    return ok(undefined);
  }

  /** Prints of its contract. */
  public tape(trades: readonly TapeTrade[]): void {
    for (const feed of this.feeds) feed.apply(trades);
  }

  /** Stops: no more decisions; with `flatten`, cancels its orders and closes its position, else cancels its entries only. */
  public stop(reason: string, flatten: boolean): void {
    if (flatten) this.runtime.flatten(reason);
    else this.runtime.cancelEntries(reason);
    this.runtime.stop(reason);
    this.awaitingResume = false;
    this.disposeFeeds();
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** Pauses or resumes; paused by `risk` means a risk lock holds. */
  public pause(reason: string, by: StrategyPauser): void {
    this.runtime.pause(reason, by);
  }

  /** The view clients see. */
  public view(): StrategyView {
    const { core, clock } = this.dependencies;
    const runtime = this.runtime;
    const mark = core.quotes.get(this.setup.contract.id)?.lastTicks ?? null;
    const position = runtime.ledger.position();
    const restart = this.awaitingResume && runtime.status === 'stopped';
    return {
      id: this.setup.id,
      kind: this.setup.kind.kind,
      name: this.setup.name,
      accountId: this.setup.accountId,
      contractId: this.setup.contract.id,
      symbol: this.setup.contract.symbol,
      status: restart ? 'paused' : runtime.status,
      statusReason: restart ? 'the terminal restarted: resume to continue' : runtime.statusReason,
      pausedBy: restart ? 'restart' : runtime.pausedBy,
      parameters: runtime.parameters,
      pendingParameters: this.pendingParameters,
      position: { size: position.size, averageTicks: position.averageTicks, openCents: runtime.ledger.openCents(mark) },
      workingOrders: runtime.working.size,
      today: runtime.ledger.dayView(runtime.calendar.tradingDay(clock.now()), mark),
      lastDecision: runtime.lastDecision,
      createdAt: this.setup.createdAt,
      updatedAt: this.updatedAt,
    };
  }

  public send(command: ExecutionCommand): void {
    this.execution.send(command);
  }

  public setTimer(name: string, at: number): void {
    this.clearTimer(name);
    const delay = Math.max(0, at - this.dependencies.clock.now());
    this.timers.set(
      name,
      this.dependencies.scheduler.schedule(delay, () => {
        this.timers.delete(name);
        this.runtime.fireTimer(name);
      }),
    );
  }

  public clearTimer(name: string): void {
    this.timers.get(name)?.();
    this.timers.delete(name);
  }

  public loadState(): Readonly<Record<string, JsonValue>> {
    const stored = this.dependencies.store?.setting(`strategies.state.${this.setup.id}`);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, JsonValue>) : {};
  }

  public saveState(state: Readonly<Record<string, JsonValue>>): void {
    this.dependencies.store?.saveSetting(`strategies.state.${this.setup.id}`, state);
  }

  public log(entry: StrategyLogEntry): void {
    this.logLines.push(entry);
    if (this.logLines.length > 2 * keptLog) this.logLines.splice(0, this.logLines.length - keptLog);
    this.dependencies.events.emit('strategies.log', entry);
    if (entry.level === 'error') this.dependencies.logger.error({ strategyId: entry.strategyId, message: entry.message }, 'strategy error');
  }

  public changed(): void {
    this.updatedAt = this.dependencies.clock.now();
    if (this.runtime.status === 'faulted' && !this.faultHandled) this.handleFault();
    // Announce once per turn, however many things changed in it.
    if (this.announced) return;
    this.announced = true;
    queueMicrotask(() => {
      this.announced = false;
      this.dependencies.changed(this);
    });
  }

  /**
   * Rebuilds its book from what the terminal kept: its fills of the last week (store and core; each
   * counted once) and its working orders. If the account is flat in the contract, so is it.
   */
  private restoreBook(now: number): void {
    const { core, store, attribution } = this.dependencies;
    const { accountId, contract, id } = this.setup;
    const mine = new Set(attribution.ordersOf(id));
    if (mine.size === 0) return;
    const fills = new Map<number, FillView>();
    for (const fill of store?.fillsSince(accountId, now - restoreWindowMs) ?? []) if (mine.has(fill.orderId)) fills.set(fill.id, fill);
    for (const fill of core.fills.recent(accountId, Number.MAX_SAFE_INTEGER))
      if (mine.has(fill.orderId) && fill.time >= now - restoreWindowMs) fills.set(fill.id, fill);
    for (const fill of [...fills.values()].sort((a, b) => a.time - b.time || a.id - b.id)) this.runtime.deliverFill(fill);
    for (const order of core.orders.working(accountId, contract.id)) {
      const owner = attribution.of(order);
      if (owner?.strategyId === id) this.runtime.deliverOrder(order, owner.role);
    }
    if (this.runtime.ledger.position().size !== 0 && core.positions.get(accountId, contract.id) === undefined) this.runtime.ledger.resetPosition();
  }

  private handleFault(): void {
    this.faultHandled = true;
    this.runtime.cancelEntries('the strategy faulted');
    this.disposeFeeds();
    const { events, clock } = this.dependencies;
    events.emit('notifications.added', {
      level: 'error',
      title: `Strategy ${this.setup.name} stopped`,
      message: this.runtime.statusReason ?? 'the strategy threw',
      at: clock.now(),
    });
  }

  private disposeFeeds(): void {
    for (const feed of this.feeds) feed.dispose();
    this.feeds = [];
  }
}
