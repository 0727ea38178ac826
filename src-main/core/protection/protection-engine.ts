import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import type { OrderView } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { OrderService } from '../orders/order-service';
import type { BrokerEvent } from '../ports/broker-port';
import { isProtectiveStop } from '../risk/rules/rule-helpers';
import type { TradingCore } from '../trading-core';
import type { EntryPlans } from './entry-plans';
import { LegLedger } from './leg-ledger';
import { planLegs, type LegAction, type PlannedLeg } from './leg-planner';
import { nativeEntryTag, roleOfOrder } from './leg-tags';
import { managedStop, type StopManagement } from './managed-stop';
import type { PositionPlan, PositionPlans } from './position-plans';
import type { MissingStopPolicy, TemplateCatalog } from './template-catalog';
import { sendLegActions } from './leg-actions';

/** What the protection engine is built from. */
export interface ProtectionEngineDependencies {
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly catalog: TemplateCatalog;
  readonly entries: EntryPlans;
  readonly plans: PositionPlans;
  readonly clock: Clock;
  readonly events: EventHub;
  readonly logger: Logger;
  /** RULE-012's break-even and trail for positions whose template has none (undefined when off). */
  readonly accountManagement: (accountId: AccountId) => StopManagement | undefined;
  readonly missingStop: () => MissingStopPolicy;
  /** A unique part for leg tags. */
  readonly newUnique: () => string;
}

interface Run {
  dirty: boolean;
  reconcile: boolean;
  /** Resolves once the run ended and was forgotten (it never rejects). */
  done?: Promise<void>;
}

/**
 * Protection follows the position: after every position change of a contract, whoever made it, the legs the terminal placed are planned against the position (none when flat,
 * closing side only, never larger than it, grown per the template, the stop tightened by
 * break-even and the trail) and the difference is sent through the order service. One run per
 * contract at a time; events during a run make it plan once more.
 */
export class ProtectionEngine {
  private readonly runs = new Map<string, Run>();
  private readonly ledger = new LegLedger();
  /** Alarms raised per contract, each once until the position closes. */
  private readonly alarmed = new Map<string, Set<string>>();
  /** Where break-even or the trail last wanted each contract's stop (planned once per level). */
  private readonly managedTargets = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;

  public constructor(private readonly dependencies: ProtectionEngineDependencies) {}

  /** Starts following the core's events. */
  public start(): void {
    this.unsubscribe ??= this.dependencies.core.observe((event) => this.handle(event));
  }

  /** Stops following (legs at the broker stay as they are). */
  public stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Resolves when no contract has a run in progress (for tests and benchmarks). */
  public async settled(): Promise<void> {
    while (this.runs.size > 0) await Promise.all([...this.runs.values()].map((run) => run.done));
  }

  /** Plans every position and leg of an account against the broker's truth (after start or a reconnect). */
  public reconcileAccount(accountId: AccountId): void {
    const { core } = this.dependencies;
    const contracts = new Set<ContractId>([
      ...core.positions.of(accountId).map((position) => position.contractId),
      ...core.orders.working(accountId).map((order) => order.contractId),
    ]);
    for (const plan of this.dependencies.plans.all()) if (plan.accountId === accountId) contracts.add(plan.contractId);
    for (const contractId of contracts) this.schedule(accountId, contractId, true);
  }

  private handle(event: BrokerEvent): void {
    switch (event.kind) {
      // Legs are planned on position changes only: an order's fill arrives before the position it
      // makes, and planning then would take the contract for flat and cancel the new legs.
      case 'order':
        this.noteEntryFill(event.order);
        return;
      case 'position':
        this.schedule(event.position.accountId, event.position.contractId, false);
        return;
      case 'quote':
        this.quoteMoved(event.quote.contractId, event.quote.lastTicks);
        return;
      case 'reconciled':
        this.reconcileAccount(event.snapshot.accountId);
        return;
      default:
        return;
    }
  }

  private noteEntryFill(order: OrderView): void {
    if (order.filledSize === 0) return;
    const entry = this.dependencies.entries.of(order.accountId, order.id, order.customTag);
    if (entry !== undefined) this.dependencies.entries.entryFilled(entry, this.dependencies.clock.now());
  }

  /**
   * On the event pipeline, per quote: a new best price is kept, and the contract is planned again
   * only when it moves where break-even or the trail want the stop (not on every new high).
   */
  private quoteMoved(contractId: ContractId, lastTicks: number | null): void {
    if (lastTicks === null) return;
    const moved: PositionPlan[] = [];
    for (const plan of this.dependencies.plans.ofContract(contractId)) {
      if (plan.bestTicks !== null && (lastTicks - plan.bestTicks) * plan.direction <= 0) continue;
      moved.push({ ...plan, bestTicks: lastTicks });
    }
    for (const plan of moved) {
      this.dependencies.plans.set(plan, false);
      const key = `${plan.accountId}|${contractId}`;
      const position = this.dependencies.core.positions.get(plan.accountId, contractId);
      const management = this.management(plan);
      const target = position === undefined || management === undefined ? undefined : managedStop(position, lastTicks, management)?.stopTicks;
      if (target === undefined || this.managedTargets.get(key) === target) continue;
      this.managedTargets.set(key, target);
      this.schedule(plan.accountId, contractId, false);
    }
  }

  private management(plan: PositionPlan): StopManagement | undefined {
    const template = plan.template;
    if (template !== null && (template.breakEven.enabled || template.trailing.enabled)) return template;
    return this.dependencies.accountManagement(plan.accountId);
  }

  private schedule(accountId: AccountId, contractId: ContractId, reconcile: boolean): void {
    const key = `${accountId}|${contractId}`;
    const running = this.runs.get(key);
    if (running !== undefined) {
      running.dirty = true;
      running.reconcile ||= reconcile;
      return;
    }
    const run: Run = { dirty: true, reconcile };
    this.runs.set(key, run);
    run.done = this.loop(accountId, contractId, run)
      .catch((error: unknown) =>
        this.dependencies.logger.error({ accountId, contractId, error: error instanceof Error ? error.message : String(error) }, 'protection run failed'),
      )
      .finally(() => this.runs.delete(key));
  }

  private async loop(accountId: AccountId, contractId: ContractId, run: Run): Promise<void> {
    for (let round = 0; run.dirty && round < 20; round++) {
      run.dirty = false;
      const reconcile = run.reconcile;
      run.reconcile = false;
      const actions = this.plan(accountId, contractId, reconcile);
      if (actions.length === 0) continue;
      const failures = await sendLegActions({ ...this.dependencies, ledger: this.ledger }, accountId, contractId, actions);
      if (failures.length > 0) this.alarm(accountId, contractId, failures.join('; '));
    }
  }

  /** The legs of a contract: working orders the terminal placed as legs, or the broker made for its entries. */
  private legs(accountId: AccountId, contractId: ContractId): PlannedLeg[] {
    const { core, entries, clock } = this.dependencies;
    const now = clock.now();
    const legs: PlannedLeg[] = [];
    for (const { order, role: sentRole } of this.ledger.view(
      core.orders.working(accountId, contractId),
      (id) => core.orders.get(id),
      accountId,
      contractId,
      now,
    )) {
      const role = sentRole ?? roleOfOrder(order, (id) => entries.isEntry(id) || core.orders.get(id)?.customTag?.startsWith('tt-') === true);
      if (role === undefined) continue;
      if (order.status !== 'suspended') {
        legs.push({ order, role, pending: false });
        continue;
      }
      // A suspended child waits for its entry: it protects only what the entry has filled.
      const parentTag = nativeEntryTag(order.customTag);
      const parent =
        order.parentOrderId !== null ? core.orders.get(order.parentOrderId) : parentTag === undefined ? undefined : core.orders.byTag(accountId, parentTag);
      if (parent === undefined || parent.filledSize === 0) continue;
      legs.push({ order: { ...order, size: parent.filledSize, filledSize: 0 }, role, pending: true });
    }
    return legs;
  }

  private plan(accountId: AccountId, contractId: ContractId, reconcile: boolean): LegAction[] {
    const { core, plans, entries, catalog, clock } = this.dependencies;
    const now = clock.now();
    const position = core.positions.get(accountId, contractId);
    const legs = this.legs(accountId, contractId);
    if (position === undefined) {
      plans.delete(accountId, contractId);
      this.alarmed.delete(`${accountId}|${contractId}`);
      this.managedTargets.delete(`${accountId}|${contractId}`);
      return planLegs({ position: undefined, template: null, legs, provisionedSize: 0, managedStop: undefined, stepTicks: 1, markTicks: null });
    }
    const direction = Math.sign(position.size);
    let plan = plans.get(accountId, contractId);
    const adopted = entries.adopt(accountId, contractId, now);
    if (plan === undefined || plan.direction !== direction) {
      const symbol = core.contracts.known(contractId)?.symbol;
      const template = adopted?.template ?? (plan === undefined && symbol !== undefined ? catalog.defaultFor(accountId, symbol) : (plan?.template ?? null));
      plan = { accountId, contractId, template, direction, provisionedSize: 0, bestTicks: position.averageTicks };
      this.managedTargets.delete(`${accountId}|${contractId}`);
    } else if (adopted !== undefined && plan.template === null) {
      plan = { ...plan, template: adopted.template };
    }
    const size = Math.abs(position.size);
    // While a flatten or reverse closes the position, its legs only ever shrink.
    const closing = core.causes.closingCause(accountId, contractId, now) !== undefined;
    let provisionedSize = closing ? Math.max(plan.provisionedSize, size) : plan.provisionedSize;
    if (reconcile && !closing && !this.hasStop(accountId, position, legs) && plan.template?.stop != null) {
      if (this.dependencies.missingStop() === 'place') provisionedSize = 0;
      else
        this.alarm(accountId, contractId, `the position has no stop; the "${plan.template.name}" template's stop was not placed (the setting says alarm only)`);
    }
    const management = this.management(plan);
    const best = plan.bestTicks ?? position.averageTicks;
    const managed = management === undefined ? undefined : managedStop(position, best, management);
    const quote = core.quotes.get(contractId);
    const actions = planLegs({
      position,
      template: plan.template,
      legs,
      provisionedSize,
      managedStop: managed,
      stepTicks: managed?.cause === 'bracket:trail' ? (management?.trailing.stepTicks ?? 1) : 1,
      markTicks: quote?.lastTicks ?? null,
    });
    const stored = plans.get(accountId, contractId);
    const next: PositionPlan = { ...plan, provisionedSize: size, bestTicks: best };
    plans.set(
      next,
      stored === undefined || stored.template !== next.template || stored.direction !== next.direction || stored.provisionedSize !== next.provisionedSize,
    );
    return actions;
  }

  private hasStop(accountId: AccountId, position: { contractId: ContractId; size: number }, legs: readonly PlannedLeg[]): boolean {
    if (legs.some((leg) => leg.role.kind === 'stop')) return true;
    return this.dependencies.core.orders
      .working(accountId, position.contractId)
      .some((order) => isProtectiveStop(order, { ...position, accountId, averageTicks: 0, openedAt: 0 }));
  }

  private alarm(accountId: AccountId, contractId: ContractId, message: string): void {
    const raised = this.alarmed.get(`${accountId}|${contractId}`) ?? new Set<string>();
    if (raised.has(message)) return;
    raised.add(message);
    this.alarmed.set(`${accountId}|${contractId}`, raised);
    const symbol = this.dependencies.core.contracts.known(contractId)?.symbol ?? contractId;
    this.dependencies.logger.warn({ accountId, contractId, message }, 'protection alarm');
    this.dependencies.events.emit('notifications.added', {
      level: 'error',
      title: `Protection: ${symbol}`,
      message: `${symbol} on account ${accountId}: ${message}`,
      at: this.dependencies.clock.now(),
    });
  }
}
