import type { OrderId } from '../../../../src-shared/domain/ids';
import { mergeRecord } from '../parse/merge';
import type { OrderRecord } from '../parse/order';

const finalStatusCodes = new Set([2, 3, 4, 5]);

/**
 * The last full state of each order, so a partial update can be merged into a whole `OrderView`.
 * Bounded: past `capacity`, the oldest orders in a final status are forgotten first.
 */
export class OrderCache {
  private readonly orders = new Map<OrderId, OrderRecord>();

  public constructor(private readonly capacity = 5000) {}

  /** The cached record. */
  public get(orderId: OrderId): OrderRecord | undefined {
    return this.orders.get(orderId);
  }

  /** Merges an update into the cached record and returns the result (not stored: see `store`). */
  public merged(update: OrderRecord): OrderRecord {
    return mergeRecord(this.orders.get(update.id), update);
  }

  /** Stores a record as the order's latest state. */
  public store(record: OrderRecord): void {
    this.orders.delete(record.id);
    this.orders.set(record.id, record);
    if (this.orders.size > this.capacity) this.evict();
  }

  /** Ids of cached orders still in a working status (for reads that miss suspended children). */
  public workingIds(accountId: number): OrderId[] {
    return [...this.orders.values()]
      .filter((order) => order.accountId === accountId && order.status !== undefined && !finalStatusCodes.has(order.status))
      .map((order) => order.id);
  }

  private evict(): void {
    for (const [id, order] of this.orders) {
      if (this.orders.size <= this.capacity) return;
      if (order.status !== undefined && finalStatusCodes.has(order.status)) this.orders.delete(id);
    }
    // Every order still works: drop the oldest anyway rather than grow without bound.
    for (const id of this.orders.keys()) {
      if (this.orders.size <= this.capacity) return;
      this.orders.delete(id);
    }
  }
}
