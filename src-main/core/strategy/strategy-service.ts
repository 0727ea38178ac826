import type {
  StrategyDetailView,
  StrategyKindView,
  StrategyMark,
  StrategyParameters,
  StrategyParametersOutcome,
  StrategyView,
} from '../../../src-shared/domain/strategies';
import type { AccountId } from '../../../src-shared/domain/ids';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { BarHistory } from '../market/bar-history';
import type { OrderService } from '../orders/order-service';
import type { BrokerPort } from '../ports/broker-port';
import type { StorePort } from '../ports/store-port';
import { tradingDayOf } from '../../../src-shared/exchange';
import type { TradingCore } from '../trading-core';
import { LiveStrategy, type LiveStrategyDependencies } from './live-strategy';
import { OrderAttribution } from './order-attribution';
import { changedKeys, mergeParameters } from './parameters';
import { kindView, type StrategyKind } from './strategy-definition';
import { loadStrategyRecords, nextStrategyId, saveStrategyRecords } from './strategy-records';
import { routeBrokerEvent } from './strategy-router';
import type { Scheduler } from '../scheduler';

/** What the strategy service is built from. */
export interface StrategyServiceDependencies {
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly broker: BrokerPort;
  readonly history: BarHistory;
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly scheduler: Scheduler;
  /** The kinds it can run (the built-ins). */
  readonly kinds: readonly StrategyKind[];
  /** Which strategy placed each order; shared with the journal (default: its own). */
  readonly attribution?: OrderAttribution;
}

/**
 * The terminal's strategies: created per account and contract, started, paused, resumed, stopped
 * (with or without flattening) from the UI and the CLI, their parameters changed live where safe,
 * kept across restarts, paused while a risk lock holds on their account. Backtests and the trade
 * journal are services of their own beside it.
 */
export class StrategyService {
  public readonly attribution: OrderAttribution;
  private readonly strategies = new Map<string, LiveStrategy>();
  private readonly kinds: ReadonlyMap<string, StrategyKind>;
  private readonly lockedAccounts = new Map<AccountId, string>();
  private readonly live: LiveStrategyDependencies;
  private unobserve: (() => void) | undefined;
  private closing = false;

  public constructor(private readonly dependencies: StrategyServiceDependencies) {
    this.kinds = new Map(dependencies.kinds.map((kind) => [kind.kind, kind]));
    this.attribution = dependencies.attribution ?? new OrderAttribution(dependencies.store);
    this.live = { ...dependencies, attribution: this.attribution, changed: (strategy) => this.announce(strategy) };
  }

  /** Restores saved strategies (those that ran come back paused: resume to continue) and starts routing broker events. */
  public start(): void {
    const { core, clock } = this.dependencies;
    const recent = [0, 1, 2, 3, 4, 5, 6, 7].map((back) => tradingDayOf(clock.now() - back * 86_400_000));
    this.attribution.loadDays(recent);
    for (const record of loadStrategyRecords(this.dependencies.store)) {
      const kind = this.kinds.get(record.kind);
      const contract = core.contracts.known(record.contractId);
      if (kind === undefined || contract === undefined) {
        this.dependencies.logger.warn({ id: record.id, kind: record.kind }, 'a saved strategy could not be restored');
        continue;
      }
      const strategy = new LiveStrategy(
        { id: record.id, kind, name: record.name, accountId: record.accountId, contract, parameters: record.parameters, createdAt: record.createdAt },
        this.live,
      );
      strategy.pendingParameters = record.pendingParameters;
      strategy.awaitingResume = record.status === 'running' || record.status === 'paused';
      this.strategies.set(record.id, strategy);
    }
    this.unobserve = core.observe((event) => routeBrokerEvent(event, this.strategies.values(), this.attribution, core));
  }

  /** Stops routing and every strategy's timers; the saved status stays as it was, so running ones come back paused. */
  public stop(): void {
    this.save();
    this.closing = true;
    this.unobserve?.();
    for (const strategy of this.strategies.values()) if (strategy.runtime.status !== 'stopped') strategy.stop('the terminal is shutting down', false);
  }

  public kindViews(): StrategyKindView[] {
    return [...this.kinds.values()].map(kindView);
  }

  /** Strategies of one account, or of all. */
  public list(accountId: AccountId | undefined): StrategyView[] {
    return [...this.strategies.values()]
      .filter((strategy) => accountId === undefined || strategy.setup.accountId === accountId)
      .map((strategy) => strategy.view());
  }

  /** A strategy with its orders, fills and log. */
  public detail(id: string, logLimit = 200): Result<StrategyDetailView> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    const { core } = this.dependencies;
    const mine = new Set(this.attribution.ordersOf(id));
    const orders = core.orders.recent(strategy.setup.accountId, 1000).filter((order) => mine.has(order.id));
    const fills = core.fills.recent(strategy.setup.accountId, 1000).filter((fill) => mine.has(fill.orderId));
    const working = orders.filter((order) => strategy.runtime.working.has(order.id));
    return ok({
      strategy: strategy.view(),
      orders: [...working, ...orders.filter((order) => !strategy.runtime.working.has(order.id))].slice(0, 200),
      fills: fills.slice(0, 200),
      log: strategy.logLines.slice(-logLimit),
    });
  }

  /** Creates a stopped strategy. */
  public async create(request: {
    accountId: AccountId;
    kind: string;
    symbol: string;
    name?: string | undefined;
    parameters?: StrategyParameters | undefined;
  }): Promise<Result<StrategyView>> {
    const kind = this.kinds.get(request.kind);
    if (kind === undefined) return fail('not-found', `no strategy kind ${request.kind} (known: ${[...this.kinds.keys()].join(', ')})`, 'kind');
    const parameters = mergeParameters(kind.parameters, {}, request.parameters ?? {});
    if (!parameters.ok) return parameters;
    const contract = await this.dependencies.core.contracts.resolve(request.symbol);
    if (!contract.ok) return contract;
    const id = nextStrategyId(kind.kind, this.strategies.keys());
    const name = request.name ?? `${kind.name} ${contract.value.symbol} (${id})`;
    const strategy = new LiveStrategy(
      { id, kind, name, accountId: request.accountId, contract: contract.value, parameters: parameters.value, createdAt: this.dependencies.clock.now() },
      this.live,
    );
    this.strategies.set(id, strategy);
    this.announce(strategy);
    return ok(strategy.view());
  }

  /** Starts (or restarts after a stop, a fault or a terminal restart). A locked account starts it paused. */
  public async startStrategy(id: string): Promise<Result<StrategyView>> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    if (strategy.runtime.status === 'running' || strategy.runtime.status === 'paused') return ok(strategy.view());
    const started = await strategy.start();
    if (!started.ok) return started;
    const lock = this.lockedAccounts.get(strategy.setup.accountId);
    if (lock !== undefined) strategy.pause(`risk lock: ${lock}`, 'risk');
    this.announce(strategy);
    return ok(strategy.view());
  }

  public pause(id: string): Result<StrategyView> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    if (strategy.runtime.status !== 'running') return fail('invalid-request', `strategy ${id} is ${strategy.view().status}, not running`, 'id');
    strategy.pause('paused by the trader', 'trader');
    return ok(strategy.view());
  }

  /** Resumes a paused strategy (a restored one starts); refused while a risk lock holds on its account. */
  public async resume(id: string): Promise<Result<StrategyView>> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    const lock = this.lockedAccounts.get(strategy.setup.accountId);
    if (lock !== undefined) return fail('risk-denied', `account ${strategy.setup.accountId} is locked: ${lock}`, 'id');
    if (strategy.awaitingResume) return this.startStrategy(id);
    if (strategy.runtime.status !== 'paused') return fail('invalid-request', `strategy ${id} is ${strategy.runtime.status}, not paused`, 'id');
    strategy.runtime.resume();
    return ok(strategy.view());
  }

  /** Stops; with `flatten` also cancels its orders and closes its position. */
  public stopStrategy(id: string, flatten: boolean): Result<StrategyView> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    strategy.stop(flatten ? 'stopped and flattened by the trader' : 'stopped by the trader', flatten);
    this.announce(strategy);
    return ok(strategy.view());
  }

  /** Applies live parameters at once; keeps the others for the next start (a stopped strategy takes all). */
  public setParameters(id: string, change: StrategyParameters): Result<StrategyParametersOutcome> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    const { runtime } = strategy;
    const schema = strategy.setup.kind.parameters;
    const merged = mergeParameters(schema, { ...runtime.parameters, ...(strategy.pendingParameters ?? {}) }, change);
    if (!merged.ok) return merged;
    const keys = changedKeys(runtime.parameters, merged.value);
    const running = runtime.status === 'running' || runtime.status === 'paused';
    const applied = running ? keys.filter((key) => schema[key]?.live === true) : keys;
    const pending = keys.filter((key) => !applied.includes(key));
    const next = { ...runtime.parameters, ...Object.fromEntries(applied.map((key) => [key, merged.value[key] ?? runtime.parameters[key] ?? 0])) };
    if (running) runtime.applyParameters(next, applied);
    else runtime.reconfigure(next);
    strategy.pendingParameters = pending.length === 0 ? null : Object.fromEntries(pending.map((key) => [key, merged.value[key] ?? 0]));
    runtime.record(
      'info',
      `parameters changed: ${applied.length === 0 ? 'none applied' : `${applied.join(', ')} applied`}${pending.length === 0 ? '' : `; ${pending.join(', ')} on the next start`}`,
    );
    this.announce(strategy);
    return ok({ strategy: strategy.view(), applied, pending });
  }

  /** Removes a stopped strategy (its journal entries stay attributed). */
  public remove(id: string): Result<{ id: string }> {
    const strategy = this.strategies.get(id);
    if (strategy === undefined) return this.missing(id);
    if (strategy.runtime.status === 'running' || strategy.runtime.status === 'paused')
      return fail('invalid-request', `stop strategy ${id} before removing it`, 'id');
    this.strategies.delete(id);
    this.save();
    this.dependencies.store?.saveSetting(`strategies.state.${id}`, null);
    this.dependencies.events.emit('strategies.removed', { id });
    return ok({ id });
  }

  /** The chart marks: strategy orders of an account (optionally one contract) with their fills. */
  public marks(accountId: AccountId, contractId: string | undefined): StrategyMark[] {
    const { core } = this.dependencies;
    const fills = core.fills.recent(accountId, 5000);
    return core.orders
      .recent(accountId, 2000)
      .filter((order) => contractId === undefined || order.contractId === contractId)
      .flatMap((order) => {
        const owner = this.attribution.of(order);
        if (owner === undefined) return [];
        const name = this.strategies.get(owner.strategyId)?.setup.name ?? owner.strategyId;
        return [
          {
            orderId: order.id,
            strategyId: owner.strategyId,
            strategyName: name,
            role: owner.role,
            fillIds: fills.filter((fill) => fill.orderId === order.id).map((fill) => fill.id),
          },
        ];
      });
  }

  /** The risk manager's hook: a lock pauses every running strategy of the account, saying why. */
  public pauseAccount(accountId: AccountId, reason: string): void {
    this.lockedAccounts.set(accountId, reason);
    for (const strategy of this.strategies.values())
      if (strategy.setup.accountId === accountId && strategy.runtime.status === 'running') strategy.pause(`risk lock: ${reason}`, 'risk');
  }

  /** The lock ended: strategies the lock paused run again (those the trader paused stay paused). */
  public resumeAccount(accountId: AccountId): void {
    this.lockedAccounts.delete(accountId);
    for (const strategy of this.strategies.values())
      if (strategy.setup.accountId === accountId && strategy.runtime.status === 'paused' && strategy.runtime.pausedBy === 'risk') strategy.runtime.resume();
  }

  private announce(strategy: LiveStrategy): void {
    if (!this.strategies.has(strategy.id) || this.closing) return;
    this.save();
    this.dependencies.events.emit('strategies.changed', strategy.view());
  }

  private save(): void {
    saveStrategyRecords(
      this.dependencies.store,
      [...this.strategies.values()].map((strategy) => {
        const view = strategy.view();
        return {
          id: view.id,
          kind: view.kind,
          name: view.name,
          accountId: view.accountId,
          contractId: view.contractId,
          symbol: view.symbol,
          parameters: view.parameters,
          pendingParameters: view.pendingParameters,
          status: strategy.awaitingResume ? 'running' : view.status,
          createdAt: view.createdAt,
        };
      }),
    );
  }

  private missing<T>(id: string): Result<T> {
    return fail('not-found', `no strategy ${id}`, 'id');
  }
}
