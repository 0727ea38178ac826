import type { ExchangeEvent, OrderModel } from '../exchange/exchange-api';
import type { Faults } from './faults';
import { bindArguments, subscriptionMethods, unknownMethodError, withoutNulls } from './hub-binding';
import type { HubConnection, HubHandlers, HubMethodResult } from './hub-connection';
import { invocationRecord } from './signalr-framing';
import { SubscriptionIndex } from './subscription-index';

/**
 * How user events are sent: `wrapped` as the live service does (one argument `{action, data}`),
 * `flat` as the docs print them (one argument, the entity itself).
 */
export type UserEventForm = 'wrapped' | 'flat';

/** The `action` of a wrapped user event: 0 a new trade, 1 add or update, 2 a position closing to flat. */
export const userAction = { newTrade: 0, update: 1, closed: 2 } as const;

type Topic = 'accounts' | 'orders' | 'positions' | 'trades';

const methods = subscriptionMethods<Topic>([
  ['Accounts', 'accounts'],
  ['Orders', 'orders'],
  ['Positions', 'positions'],
  ['Trades', 'trades'],
]);

// Orders in a final status no longer need a baseline for partial payloads.
const finalStatuses = new Set([2, 3, 4, 5]);

/** The user hub (`/hubs/user`): per-connection subscriptions and the account, order, position and trade events. */
export class UserHub implements HubHandlers {
  private readonly index = new SubscriptionIndex();
  // The last order payload sent per id, the baseline of `partial-payloads`.
  private readonly lastOrders = new Map<number, OrderModel>();

  public constructor(
    private readonly form: UserEventForm,
    private readonly faults: Faults,
  ) {}

  /** Runs a hub method; names are case-insensitive, as in ASP.NET. */
  public invoke(connection: HubConnection, target: string, args: readonly unknown[]): HubMethodResult {
    const method = methods.get(target.toLowerCase());
    if (method === undefined) return { ok: false, error: unknownMethodError(target) };
    const binding = bindArguments(target, args, method.topic === 'accounts' ? [] : ['integer']);
    if (!binding.ok) return binding;
    const key = method.topic === 'accounts' ? 'accounts' : `${method.topic}:${String(binding.values[0])}`;
    if (method.subscribe) this.index.add(connection, key);
    else this.index.remove(connection, key);
    return { ok: true, result: 0 };
  }

  /** Forgets a closed connection's subscriptions. */
  public closed(connection: HubConnection): void {
    this.index.removeAll(connection);
  }

  /** Sends an exchange event to the connections subscribed to it; market events are ignored. */
  public route(event: ExchangeEvent): void {
    switch (event.kind) {
      case 'account':
        return this.emit('accounts', 'GatewayUserAccount', userAction.update, event.account);
      case 'order':
        return this.emitOrder(event.order);
      case 'position': {
        const action = event.position.size === 0 ? userAction.closed : userAction.update;
        return this.emit(`positions:${event.position.accountId}`, 'GatewayUserPosition', action, event.position);
      }
      case 'trade':
        return this.emit(`trades:${event.trade.accountId}`, 'GatewayUserTrade', userAction.newTrade, event.trade);
      default:
        return;
    }
  }

  private emitOrder(order: OrderModel): void {
    const previous = this.lastOrders.get(order.id);
    if (finalStatuses.has(order.status)) this.lastOrders.delete(order.id);
    else this.lastOrders.set(order.id, order);
    const key = `orders:${order.accountId}`;
    if (!this.index.has(key)) return;
    const data = this.faults.partialPayloads() && previous !== undefined ? changedOrderFields(previous, order) : order;
    this.emit(key, 'GatewayUserOrder', userAction.update, data);
  }

  private emit(key: string, target: string, action: number, entity: object): void {
    if (!this.index.has(key)) return;
    const data = withoutNulls(entity);
    this.index.broadcast(key, invocationRecord(target, [this.form === 'wrapped' ? { action, data } : data]));
  }
}

/** An order update with only what changed, plus the ids a client needs to merge it. */
function changedOrderFields(previous: OrderModel, order: OrderModel): Partial<OrderModel> {
  const changed: Record<string, unknown> = { id: order.id, accountId: order.accountId };
  const before = previous as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(order)) if (before[field] !== value) changed[field] = value;
  return changed as Partial<OrderModel>;
}
