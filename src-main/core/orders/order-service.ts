import type { BulkOutcome, OrderResolution, PlacedOrder } from '../../../src-shared/contract';
import type { AccountId, ContractId, OrderId } from '../../../src-shared/domain/ids';
import { priceToTicks, type Ticks } from '../../../src-shared/domain/money';
import { isFinalStatus, type ContractView, type OrderSide, type OrderType, type OrderView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { ConnectionMonitor } from '../connection-monitor';
import type { EventHub } from '../event-hub';
import type { BrokerOrderRequest, BrokerPort, CallLane, OrderCallOptions } from '../ports/broker-port';
import type { StorePort } from '../ports/store-port';
import type { Scheduler } from '../scheduler';
import { systemScheduler } from '../system-scheduler';
import type { TradingCore } from '../trading-core';
import type { BracketTemplate } from '../../../src-shared/domain/brackets';
import { causeOfActor, type OrderCause } from '../../../src-shared/domain/order-cause';
import { decideEntry, refusesBrackets, type OrderProtection } from '../protection/entry-protection';

/** An order as a client asks for it, prices still decimal. */
export interface OrderIntent {
  readonly accountId?: AccountId;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly size: number;
  readonly type: OrderType;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly trailTicks?: Ticks;
  readonly stopLossTicks?: Ticks;
  readonly takeProfitTicks?: Ticks;
  /** A bracket template (by name, or `none`); without it `--sl/--tp` or the account's default apply. */
  readonly template?: string | BracketTemplate;
  /** How long the place may wait before it is dropped unsent (default: the `orders.deadlineMs` setting, else 5 s). */
  readonly deadlineMs?: number;
}

/** A protective leg as the protection engine sends it (ticks, its own tag). */
export interface LegRequest {
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly side: OrderSide;
  readonly size: number;
  readonly type: OrderType;
  readonly stopTicks?: Ticks;
  readonly limitTicks?: Ticks;
  readonly customTag: string;
}

/**
 * How long a flatten or reverse claims the contract's close fills (and spares it RULE-008): long
 * enough to outlast the broker's 429 back-off on the priority lane; the claim ends as soon as the
 * contract is flat or reversed.
 */
const closingMs = 60_000;

/**
 * A pre-trade check (the risk gate plugs in here): a failure denies the order with its reason.
 * `replaces` names the client tag of an order the broker refused that this one is sent in place of.
 */
export type PreTradeGate = (request: BrokerOrderRequest, contract: ContractView, replaces?: string, plannedStopTicks?: number) => Result<void>;

/** A contract as callers name it: a root a trader types (`ES`) or a full contract id. */
export type ContractRef = string;

/** Who is acting, for the audit log. */
export type Actor = string;

/** What the order service needs. */
export interface OrderServiceDependencies {
  readonly core: TradingCore;
  readonly broker: BrokerPort;
  readonly store: StorePort | undefined;
  readonly connection: ConnectionMonitor;
  readonly clock: Clock;
  /** A new client order id, unique per account. */
  readonly newTag: () => string;
  readonly gate?: PreTradeGate;
  /** Bracket templates, entry plans and position plans (absent: `--sl/--tp` go to the broker as they are). */
  readonly protection?: OrderProtection;
  /** Where the late outcome of an order answered `unknown-outcome` is announced (`orders.resolved` and a notification). */
  readonly events?: EventHub;
  /** Timers for the deadline of the steps before the broker call (a contract lookup); default the real ones. */
  readonly scheduler?: Scheduler;
}

/** The store setting that holds the deadline of place, modify and cancel, in milliseconds. */
export const orderDeadlineSetting = 'orders.deadlineMs';
/** The deadline of place, modify and cancel when neither the request nor the setting gives one. */
export const defaultOrderDeadlineMs = 5_000;
const deadlineBounds = { min: 100, max: 25_000 } as const;

/** Place, modify, cancel, cancel all, flatten and reverse: the one way orders leave the terminal. */
export class OrderService {
  private gate: PreTradeGate | undefined;

  public constructor(private readonly dependencies: OrderServiceDependencies) {
    this.gate = dependencies.gate;
  }

  /** Installs the pre-trade gate (the risk manager is built after the order service it enforces through). */
  public setGate(gate: PreTradeGate | undefined): void {
    this.gate = gate;
  }

  /** Resolves the account a request names, or the selected one. */
  public account(accountId: AccountId | undefined): Result<AccountId> {
    const { core } = this.dependencies;
    const chosen = accountId ?? core.selectedAccountId;
    if (chosen === undefined) return fail('not-found', 'no account is selected and none was given', 'accountId');
    if (!core.accounts.has(chosen)) return fail('not-found', `account ${chosen} is not one of this login's accounts`, 'accountId');
    return ok(chosen);
  }

  /**
   * Places a new order after the trading-state and pre-trade checks, with its bracket template: the
   * broker's own bracket where it fits, else the protection engine's legs after the fill.
   */
  public async place(intent: OrderIntent, actor: Actor): Promise<Result<PlacedOrder>> {
    const { connection, core, broker } = this.dependencies;
    if (connection.current.trading !== 'active') return fail('not-connected', `order entry is halted: ${connection.current.reason}`);
    const accountId = this.account(intent.accountId);
    if (!accountId.ok) return accountId;
    const account = core.accounts.get(accountId.value);
    if (account !== undefined && !account.canTrade)
      return fail('risk-denied', `account ${account.name} cannot trade (the broker reports canTrade = false)`, 'accountId');
    // The deadline runs from the trader's command, not from the broker call: a first order for a
    // symbol looks its contract up over REST, and that wait (a 429 storm) counts too.
    const deadlineAt = this.deadlineAt(intent.deadlineMs);
    const contract = await this.beforeDeadline(core.contracts.resolve(intent.symbol), deadlineAt, 'looking the contract up');
    if (!contract.ok) return contract;
    const prices = toTicks(intent, contract.value);
    if (!prices.ok) return prices;
    const position = core.positions.get(accountId.value, contract.value.id);
    const cause = causeOfActor(actor);
    const decision = decideEntry(this.dependencies.protection, intent, {
      accountId: accountId.value,
      contract: contract.value,
      side: intent.side,
      size: intent.size,
      type: intent.type,
      position,
      manual: cause === 'manual',
    });
    if (!decision.ok) return decision;
    const base = {
      accountId: accountId.value,
      contractId: contract.value.id,
      type: intent.type,
      side: intent.side,
      size: intent.size,
      ...prices.value,
      ...(intent.trailTicks === undefined ? {} : { trailTicks: intent.trailTicks }),
    };
    let sentTag: string | undefined;
    const send = async (native: boolean, replaces?: string): Promise<Result<PlacedOrder>> => {
      const request: BrokerOrderRequest = { ...base, ...(native ? (decision.value.native ?? {}) : {}), customTag: this.dependencies.newTag() };
      // The stop the entry's template will place (a managed leg is not in the request): the gate checks it against the loss floor.
      const gated = this.gate?.(request, contract.value, replaces, decision.value.template?.stop?.ticks);
      if (gated !== undefined && !gated.ok) {
        this.audit(request.accountId, 'order.denied', actor, { request, reason: gated.error.message });
        return gated;
      }
      core.causes.register(request.accountId, request.customTag, cause);
      const template = decision.value.template;
      if (template !== null)
        this.dependencies.protection?.entries.add({
          accountId: request.accountId,
          contractId: request.contractId,
          customTag: request.customTag,
          template,
          native,
        });
      const deadline = this.callOptions<{ readonly orderId: OrderId }>(deadlineAt, (late) => {
        if (late.ok) {
          core.causes.bind(late.value.orderId, cause);
          this.dependencies.protection?.entries.bind(request.accountId, request.customTag, late.value.orderId);
        }
        this.resolved('place', request.accountId, request.customTag, late.ok ? late.value.orderId : null, late, actor);
      });
      const placed = await broker.placeOrder(request, 'normal', deadline);
      this.audit(request.accountId, 'order.place', actor, { request, template: template?.name ?? null, result: placed.ok ? placed.value : placed.error });
      sentTag = request.customTag;
      if (!placed.ok) return placed;
      core.causes.bind(placed.value.orderId, cause);
      this.dependencies.protection?.entries.bind(request.accountId, request.customTag, placed.value.orderId);
      return ok({ orderId: placed.value.orderId, customTag: request.customTag, contractId: request.contractId });
    };
    const native = decision.value.native !== null;
    const placed = await send(native);
    // An account in Position Brackets mode refuses the broker's bracket (the order was not placed):
    // send it once more without, and let the terminal manage the legs from now on.
    if (
      native &&
      !placed.ok &&
      placed.error.code === 'broker-rejected' &&
      refusesBrackets(placed.error.message) &&
      this.dependencies.protection !== undefined
    ) {
      this.dependencies.protection.entries.refusesNativeBrackets(accountId.value);
      return send(false, sentTag);
    }
    return placed;
  }

  /** Places a protective leg (the protection engine's): it only closes, so the gate lets it through any lock. */
  public async placeLeg(leg: LegRequest, cause: OrderCause, lane: CallLane): Promise<Result<{ readonly orderId: OrderId }>> {
    const { core, broker } = this.dependencies;
    const contract = core.contracts.known(leg.contractId);
    if (contract === undefined) return fail('not-found', `contract ${leg.contractId} is unknown`, 'contractId');
    const request: BrokerOrderRequest = { ...leg };
    const gated = this.gate?.(request, contract);
    if (gated !== undefined && !gated.ok) {
      this.audit(leg.accountId, 'order.denied', cause, { request, reason: gated.error.message });
      return gated;
    }
    core.causes.register(leg.accountId, leg.customTag, cause);
    const placed = await broker.placeOrder(request, lane);
    this.audit(leg.accountId, 'order.place', cause, { request, result: placed.ok ? placed.value : placed.error });
    if (placed.ok) core.causes.bind(placed.value.orderId, cause);
    return placed;
  }

  /** Resizes or moves a protective leg. */
  public async changeLeg(
    accountId: AccountId,
    orderId: OrderId,
    change: { size?: number; stopTicks?: Ticks; limitTicks?: Ticks },
    cause: OrderCause,
    lane: CallLane,
  ): Promise<Result<void>> {
    const request = { accountId, orderId, ...change };
    const changed = await this.dependencies.broker.modifyOrder(request, lane);
    this.audit(accountId, 'order.modify', cause, { request, result: changed.ok ? 'ok' : changed.error });
    return changed;
  }

  /** Cancels a protective leg. */
  public async cancelLeg(accountId: AccountId, orderId: OrderId, cause: OrderCause, lane: CallLane): Promise<Result<void>> {
    const cancelled = await this.dependencies.broker.cancelOrder(accountId, orderId, lane);
    this.audit(accountId, 'order.cancel', cause, { orderId, result: cancelled.ok ? 'ok' : cancelled.error });
    return cancelled;
  }

  /** Changes a working order's price, stop, size or trail. */
  public async modify(
    change: { accountId?: AccountId; orderId: OrderId; price?: number; stopPrice?: number; size?: number; trailTicks?: Ticks; deadlineMs?: number },
    actor: Actor,
  ): Promise<Result<OrderView>> {
    const order = this.workingOrder(change.accountId, change.orderId);
    if (!order.ok) return order;
    const contract = this.dependencies.core.contracts.known(order.value.contractId);
    if (contract === undefined) return fail('not-found', `contract ${order.value.contractId} is unknown`, 'orderId');
    const limitPrice = order.value.type === 'stop' || order.value.type === 'trailing-stop' ? undefined : change.price;
    const stopPrice = order.value.type === 'stop' || order.value.type === 'trailing-stop' ? (change.stopPrice ?? change.price) : change.stopPrice;
    const prices = toTicks({ limitPrice, stopPrice }, contract);
    if (!prices.ok) return prices;
    const request = {
      accountId: order.value.accountId,
      orderId: order.value.id,
      ...prices.value,
      ...(change.size === undefined ? {} : { size: change.size }),
      ...(change.trailTicks === undefined ? {} : { trailTicks: change.trailTicks }),
    };
    const deadline = this.callOptions<void>(this.deadlineAt(change.deadlineMs), (late) =>
      this.resolved('modify', order.value.accountId, order.value.customTag ?? '', order.value.id, late, actor),
    );
    const modified = await this.dependencies.broker.modifyOrder(request, 'normal', deadline);
    this.audit(order.value.accountId, 'order.modify', actor, { request, result: modified.ok ? 'ok' : modified.error });
    return modified.ok ? ok(this.dependencies.core.orders.get(order.value.id) ?? order.value) : modified;
  }

  /** Cancels one working order. A trader's (normal lane) cancel has a deadline; a priority one keeps waiting its turn. */
  public async cancel(
    accountId: AccountId | undefined,
    orderId: OrderId,
    actor: Actor,
    lane: CallLane = 'normal',
    deadlineMs?: number,
  ): Promise<Result<OrderView>> {
    const order = this.workingOrder(accountId, orderId);
    if (!order.ok) return order;
    const deadline =
      lane === 'normal'
        ? this.callOptions<void>(this.deadlineAt(deadlineMs), (late) =>
            this.resolved('cancel', order.value.accountId, order.value.customTag ?? '', orderId, late, actor),
          )
        : undefined;
    const cancelled = await this.dependencies.broker.cancelOrder(order.value.accountId, orderId, lane, deadline);
    this.audit(order.value.accountId, 'order.cancel', actor, { orderId, result: cancelled.ok ? 'ok' : cancelled.error });
    return cancelled.ok ? ok(this.dependencies.core.orders.get(orderId) ?? order.value) : cancelled;
  }

  /** Cancels every working order of an account, or of one contract. */
  public async cancelAll(
    accountId: AccountId | undefined,
    contract: ContractRef | undefined,
    actor: Actor,
    lane: CallLane = 'normal',
  ): Promise<Result<BulkOutcome>> {
    const scope = await this.scope(accountId, contract);
    if (!scope.ok) return scope;
    const cancelled = await this.cancelWorking(scope.value.accountId, scope.value.contractId, actor, lane);
    return cancelled.ok ? ok({ cancelledOrders: cancelled.value, closedPositions: 0, placedOrders: 0 }) : cancelled;
  }

  /**
   * Flattens an account, or one contract: cancels the working orders first (the broker's close
   * leaves bracket orders working, and a leftover stop could open a new position), then closes.
   */
  public async flatten(
    accountId: AccountId | undefined,
    contract: ContractRef | undefined,
    actor: Actor,
    lane: CallLane = 'normal',
  ): Promise<Result<BulkOutcome>> {
    const scope = await this.scope(accountId, contract);
    if (!scope.ok) return scope;
    const { core, broker } = this.dependencies;
    const inScope = () =>
      core.positions.of(scope.value.accountId).filter((position) => scope.value.contractId === undefined || position.contractId === scope.value.contractId);
    // The close fills are the flatten's, and the position is being closed on purpose: no rule may
    // call it unprotected while its stop is cancelled ahead of the close.
    for (const position of inScope())
      core.causes.closing(position.accountId, position.contractId, causeOfActor(actor), this.dependencies.clock.now() + closingMs);
    const cancelled = await this.cancelWorking(scope.value.accountId, scope.value.contractId, actor, lane);
    if (!cancelled.ok) return cancelled;
    // Read after the cancels: a position that went flat meanwhile needs no close.
    const positions = inScope();
    const results = await Promise.all(positions.map((position) => broker.closePosition(position.accountId, position.contractId, undefined, lane)));
    this.audit(scope.value.accountId, 'position.flatten', actor, { contractId: scope.value.contractId ?? 'all', positions: positions.length });
    const failed = results.find((result) => !result.ok);
    if (failed !== undefined && !failed.ok) return failed;
    const swept = await this.sweepLeftovers(scope.value.accountId, scope.value.contractId, actor, lane);
    return ok({ cancelledOrders: cancelled.value + swept, closedPositions: positions.length, placedOrders: 0 });
  }

  /** Reverses a position: cancels the contract's working orders, then one market order of twice the size. */
  public async reverse(accountId: AccountId | undefined, contract: ContractRef, actor: Actor): Promise<Result<BulkOutcome>> {
    const scope = await this.scope(accountId, contract);
    if (!scope.ok) return scope;
    const contractId = scope.value.contractId;
    if (contractId === undefined) return fail('invalid-request', 'reverse needs a symbol', 'symbol');
    const { core, clock, protection } = this.dependencies;
    const position = core.positions.get(scope.value.accountId, contractId);
    if (position === undefined) return fail('not-found', `no open position in ${contract}`, 'symbol');
    core.causes.closing(scope.value.accountId, contractId, causeOfActor(actor), clock.now() + closingMs);
    const cancelled = await this.cancelWorking(scope.value.accountId, contractId, actor, 'normal');
    if (!cancelled.ok) return cancelled;
    // The reversed position keeps the template the position had.
    const kept = protection?.plans.get(scope.value.accountId, contractId)?.template ?? 'none';
    const placed = await this.place(
      {
        accountId: scope.value.accountId,
        symbol: contractId,
        side: position.size > 0 ? 'sell' : 'buy',
        size: Math.abs(position.size) * 2,
        type: 'market',
        template: kept,
      },
      actor,
    );
    return placed.ok ? ok({ cancelledOrders: cancelled.value, closedPositions: 0, placedOrders: 1 }) : placed;
  }

  private async scope(
    accountId: AccountId | undefined,
    contract: ContractRef | undefined,
  ): Promise<Result<{ accountId: AccountId; contractId: ContractId | undefined }>> {
    const account = this.account(accountId);
    if (!account.ok) return account;
    if (contract === undefined) return ok({ accountId: account.value, contractId: undefined });
    const resolved = await this.dependencies.core.contracts.resolve(contract);
    return resolved.ok ? ok({ accountId: account.value, contractId: resolved.value.id }) : resolved;
  }

  /**
   * After a close, asks the broker itself for working orders left on the flattened contracts and
   * cancels them: bracket legs of a fill whose events had not arrived yet would otherwise stay
   * working, and a leftover stop can open a new, unprotected position.
   */
  private async sweepLeftovers(accountId: AccountId, contractId: ContractId | undefined, actor: Actor, lane: CallLane): Promise<number> {
    const { broker, clock } = this.dependencies;
    const snapshot = await broker.snapshot(accountId, clock.now());
    if (!snapshot.ok) return 0;
    const leftovers = snapshot.value.orders.filter((order) => !isFinalStatus(order.status) && (contractId === undefined || order.contractId === contractId));
    if (leftovers.length === 0) return 0;
    await Promise.all(leftovers.map((order) => broker.cancelOrder(accountId, order.id, lane)));
    this.audit(accountId, 'order.cancel-leftovers', actor, { contractId: contractId ?? 'all', orders: leftovers.map((order) => order.id) });
    return leftovers.length;
  }

  private async cancelWorking(accountId: AccountId, contractId: ContractId | undefined, actor: Actor, lane: CallLane): Promise<Result<number>> {
    const { core, broker } = this.dependencies;
    const working = core.orders.working(accountId, contractId).filter((order) => order.status !== 'pending-cancel');
    const results = await Promise.all(working.map((order) => broker.cancelOrder(accountId, order.id, lane)));
    this.audit(accountId, 'order.cancel-all', actor, { contractId: contractId ?? 'all', orders: working.map((order) => order.id) });
    // An order that ended while we asked (filled, already cancelled, or the other half of an OCO
    // pair the broker cancelled with its sibling) is not a failure of cancel-all.
    const failed = results.find(
      (result, index) =>
        !result.ok &&
        !isFinalStatus(core.orders.get(working[index]?.id ?? 0)?.status ?? 'open') &&
        result.error.code !== 'not-found' &&
        !endedMeanwhile(result.error.message),
    );
    if (failed !== undefined && !failed.ok) return failed;
    return ok(working.length);
  }

  private workingOrder(accountId: AccountId | undefined, orderId: OrderId): Result<OrderView> {
    const order = this.dependencies.core.orders.get(orderId);
    if (order === undefined || (accountId !== undefined && order.accountId !== accountId)) return fail('not-found', `order ${orderId} is not known`, 'orderId');
    if (isFinalStatus(order.status)) return fail('invalid-request', `order ${orderId} is already ${order.status}`, 'orderId');
    return ok(order);
  }

  /** The deadline (epoch ms) of a trader's place, modify or cancel starting now: the request's, else the store setting, else the default. */
  private deadlineAt(requestedMs: number | undefined): number {
    const stored = this.dependencies.store?.setting(orderDeadlineSetting);
    const setting = typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined;
    const milliseconds = Math.min(deadlineBounds.max, Math.max(deadlineBounds.min, requestedMs ?? setting ?? defaultOrderDeadlineMs));
    return this.dependencies.clock.now() + milliseconds;
  }

  /** The broker call's deadline; `onResolved` hears the late outcome of one answered `unknown-outcome`. */
  private callOptions<T>(deadlineAt: number, onResolved: (result: Result<T>) => void): OrderCallOptions<T> {
    return { deadlineAt, onResolved };
  }

  /** A step before the broker call, answered `not-sent` when it outlasts the deadline (nothing was sent). */
  private beforeDeadline<T>(step: Promise<Result<T>>, deadlineAt: number, what: string): Promise<Result<T>> {
    const scheduler = this.dependencies.scheduler ?? systemScheduler;
    return new Promise((resolve) => {
      const cancel = scheduler.schedule(Math.max(0, deadlineAt - this.dependencies.clock.now()), () =>
        resolve(fail('not-sent', `not sent: ${what} outlasted the order's deadline (the broker is rate-limiting or slow); nothing reached the broker`)),
      );
      void step.then((result) => {
        cancel();
        resolve(result);
      });
    });
  }

  /** Announces the final outcome of an order command that was answered `unknown-outcome`. */
  private resolved(
    command: OrderResolution['command'],
    accountId: AccountId,
    customTag: string,
    orderId: OrderId | null,
    result: Result<unknown>,
    actor: Actor,
  ): void {
    const { events, clock } = this.dependencies;
    const outcome: OrderResolution['outcome'] = result.ok
      ? resolvedOutcomes[command].done
      : result.error.code === 'unknown-outcome'
        ? 'unresolved'
        : resolvedOutcomes[command].notDone;
    const what = command === 'place' ? `order ${customTag}` : `order ${orderId ?? ''}`;
    const message = result.ok
      ? `${what}: ${outcome}${command === 'place' && orderId !== null ? ` as order ${orderId}` : ''} after its deadline had passed`
      : `${what}: ${outcome === 'unresolved' ? 'still unknown' : outcome.replace('-', ' ')}: ${result.error.message}`;
    const resolution: OrderResolution = {
      command,
      accountId,
      customTag,
      orderId,
      outcome,
      code: result.ok ? null : result.error.code,
      message,
      at: clock.now(),
    };
    this.audit(accountId, 'order.resolved', actor, { ...resolution });
    events?.emit('orders.resolved', resolution);
    const level = outcome === 'unresolved' ? 'error' : result.ok ? 'info' : 'warning';
    events?.emit('notifications.added', {
      level,
      title: `Order ${command}: ${outcome === 'unresolved' ? 'outcome still unknown' : outcome.replace('-', ' ')}`,
      message,
      at: clock.now(),
    });
  }

  private audit(accountId: AccountId, action: string, actor: Actor, detail: Record<string, unknown>): void {
    this.dependencies.store?.audit({ at: this.dependencies.clock.now(), accountId, action, actor, detail });
  }
}

const resolvedOutcomes = {
  place: { done: 'placed', notDone: 'not-placed' },
  modify: { done: 'modified', notDone: 'not-modified' },
  cancel: { done: 'cancelled', notDone: 'not-cancelled' },
} as const satisfies Record<OrderResolution['command'], { done: OrderResolution['outcome']; notDone: OrderResolution['outcome'] }>;

/** The broker's answer to a cancel of an order that had just ended (filled, cancelled with its OCO sibling). */
function endedMeanwhile(message: string): boolean {
  return /no longer working|not working|already (cancel|fill)/i.test(message);
}

/** Converts decimal prices to ticks; an off-grid price is refused, naming the field. */
function toTicks(
  prices: { limitPrice?: number | undefined; stopPrice?: number | undefined },
  contract: ContractView,
): Result<{ limitTicks?: Ticks; stopTicks?: Ticks }> {
  const converted: { limitTicks?: Ticks; stopTicks?: Ticks } = {};
  for (const [field, target] of [
    ['limitPrice', 'limitTicks'],
    ['stopPrice', 'stopTicks'],
  ] as const) {
    const value = prices[field];
    if (value === undefined) continue;
    const ticks = priceToTicks(value, contract.tickSize);
    if (ticks === undefined) return fail('invalid-request', `${field} ${value} is not on ${contract.name}'s tick grid of ${contract.tickSize}`, field);
    converted[target] = ticks;
  }
  return ok(converted);
}
