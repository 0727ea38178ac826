import type { ExchangeContext } from './exchange-context';
import { orderModelOf, type OrderRecord } from './order-store';

/** Announces an order's current state, stamping its update time. */
export function publishOrder(context: ExchangeContext, order: OrderRecord): void {
  order.updateTimestamp = context.stamper.stamp(context.now());
  context.emit({ kind: 'order', order: orderModelOf(order) });
}

/** Moves an order to a new status and announces it. */
export function setOrderStatus(context: ExchangeContext, order: OrderRecord, status: number): void {
  context.orders.setStatus(order, status);
  publishOrder(context, order);
}
