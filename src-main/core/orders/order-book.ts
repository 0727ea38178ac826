import type { AccountId, ContractId, EpochMs, OrderId } from '../../../src-shared/domain/ids';
import { isFinalStatus, type OrderStatus, type OrderView } from '../../../src-shared/domain/trading';

/** Which status may follow which. Anything else is an out-of-order or repeated event and is ignored. */
const transitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['pending', 'open', 'suspended', 'pending-cancel', 'filled', 'cancelled', 'expired', 'rejected'],
  suspended: ['suspended', 'open', 'pending-cancel', 'filled', 'cancelled', 'expired', 'rejected'],
  open: ['open', 'pending-cancel', 'filled', 'cancelled', 'expired', 'rejected'],
  'pending-cancel': ['pending-cancel', 'open', 'filled', 'cancelled', 'expired'],
  filled: [],
  cancelled: [],
  expired: [],
  rejected: [],
};

/** What applying one order event did. */
export type OrderApplyOutcome = 'added' | 'updated' | 'ignored';

/**
 * Orders by id, changed only through broker events and the transition table. Applying the same
 * event twice, or an older one after a newer, changes nothing.
 */
export class OrderBook {
  private readonly orders = new Map<OrderId, OrderView>();
  /** When the stream last spoke of each order, on the terminal's clock. */
  private readonly heardAt = new Map<OrderId, EpochMs>();

  /** Applies one order event from the broker, heard at `at`. */
  public apply(order: OrderView, at?: EpochMs): OrderApplyOutcome {
    if (at !== undefined) this.heardAt.set(order.id, at);
    const known = this.orders.get(order.id);
    if (known === undefined) {
      this.orders.set(order.id, order);
      return 'added';
    }
    if (!transitions[known.status].includes(order.status)) return 'ignored';
    if (order.updatedAt < known.updatedAt) return 'ignored';
    if (order.status === known.status && order.filledSize < known.filledSize) return 'ignored';
    if (sameOrder(known, order)) return 'ignored';
    this.orders.set(order.id, order);
    return 'updated';
  }

  /**
   * Replaces an account's working orders with the broker's truth read from `readAt` on (after a
   * reconnect). An order the stream spoke of after `readAt` keeps the stream's word: a read that
   * began before it was placed must not call it gone.
   */
  public reconcile(accountId: AccountId, working: readonly OrderView[], readAt: EpochMs = Number.POSITIVE_INFINITY): OrderView[] {
    const changed: OrderView[] = [];
    const seen = new Set<OrderId>();
    const newer = (orderId: OrderId) => (this.heardAt.get(orderId) ?? Number.NEGATIVE_INFINITY) > readAt;
    for (const order of working) {
      seen.add(order.id);
      if (newer(order.id)) continue;
      const known = this.orders.get(order.id);
      if (known === undefined || !sameOrder(known, order)) {
        this.orders.set(order.id, order);
        changed.push(order);
      }
    }
    // A working order the broker no longer lists ended while we were away; we do not know how.
    for (const order of this.orders.values()) {
      if (order.accountId !== accountId || isFinalStatus(order.status) || seen.has(order.id) || newer(order.id)) continue;
      const ended: OrderView = { ...order, status: 'cancelled' };
      this.orders.set(order.id, ended);
      changed.push(ended);
    }
    return changed;
  }

  /** One order by id. */
  public get(orderId: OrderId): OrderView | undefined {
    return this.orders.get(orderId);
  }

  /** The order carrying a client tag, if known. */
  public byTag(accountId: AccountId, customTag: string): OrderView | undefined {
    for (const order of this.orders.values()) if (order.accountId === accountId && order.customTag === customTag) return order;
    return undefined;
  }

  /** Working (not final) orders of an account, optionally of one contract, oldest first. */
  public working(accountId: AccountId, contractId?: ContractId): OrderView[] {
    return [...this.orders.values()].filter(
      (order) => order.accountId === accountId && !isFinalStatus(order.status) && (contractId === undefined || order.contractId === contractId),
    );
  }

  /** Every order of an account, newest first, at most `limit`. */
  public recent(accountId: AccountId, limit: number): OrderView[] {
    return [...this.orders.values()]
      .filter((order) => order.accountId === accountId)
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
      .slice(0, limit);
  }
}

function sameOrder(a: OrderView, b: OrderView): boolean {
  return (
    a.status === b.status &&
    a.size === b.size &&
    a.filledSize === b.filledSize &&
    a.limitTicks === b.limitTicks &&
    a.stopTicks === b.stopTicks &&
    a.trailTicks === b.trailTicks &&
    a.averageFillTicks === b.averageFillTicks
  );
}
