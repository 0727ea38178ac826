import { activateBracket, cancelBracketLegs } from './brackets';
import { cancelCode, modifyCode } from './error-codes';
import type { ExchangeAnswer } from './exchange-api';
import type { ExchangeContext } from './exchange-context';
import { fillMarketableLimit } from './matching-engine';
import { publishOrder, setOrderStatus } from './order-events';
import { isBuy, isLive, type OrderRecord } from './order-store';
import { gridPrice, isRejection, stopSideRule, trailDistanceOf } from './placement-rules';
import { orderStatus, orderType } from './projectx-enums';
import { cancelOrderSchema, modifyOrderSchema, parseBody, type ModifyOrderRequest } from './request-schemas';

const takesLimit: ReadonlySet<number> = new Set([orderType.limit, orderType.stopLimit, orderType.joinBid, orderType.joinAsk]);
const takesStop: ReadonlySet<number> = new Set([orderType.stop, orderType.stopLimit]);

function refuse(code: number, message: string | null): ExchangeAnswer<null> {
  return { errorCode: code, errorMessage: message };
}

interface Change {
  size?: number;
  limitTicks?: number;
  stopTicks?: number;
  trail?: { readonly distance: number; readonly lastTicks: number };
}

function changeOf(context: ExchangeContext, order: OrderRecord, request: ModifyOrderRequest): Change | ExchangeAnswer<null> {
  const change: Change = {};
  const market = context.marketOf(order.spec);
  if (request.size !== null && request.size !== undefined) {
    if (request.size <= 0 || request.size <= order.fillVolume) return refuse(modifyCode.rejected, 'Invalid order size.');
    change.size = request.size;
  }
  if (request.limitPrice !== null && request.limitPrice !== undefined) {
    if (!takesLimit.has(order.type)) return refuse(modifyCode.rejected, 'A limit price cannot be set on this order type.');
    const limit = gridPrice(order.spec, request.limitPrice, 'limit');
    if (isRejection(limit)) return refuse(modifyCode.rejected, limit.message);
    change.limitTicks = limit;
  }
  if (request.stopPrice !== null && request.stopPrice !== undefined) {
    if (!takesStop.has(order.type)) return refuse(modifyCode.rejected, 'A stop price cannot be set on this order type.');
    const stop = gridPrice(order.spec, request.stopPrice, 'stop');
    if (isRejection(stop)) return refuse(modifyCode.rejected, stop.message);
    const side = order.triggered ? null : stopSideRule(isBuy(order), stop, market.touch());
    if (side !== null) return refuse(modifyCode.rejected, side.message);
    change.stopTicks = stop;
  }
  if (request.trailPrice !== null && request.trailPrice !== undefined) {
    if (order.type !== orderType.trailingStop) return refuse(modifyCode.rejected, 'A trail price cannot be set on this order type.');
    // No 1000-tick ceiling on modify, as the venue does it.
    const distance = trailDistanceOf(order.spec, request.trailPrice, market.touch(), false);
    if (isRejection(distance)) return refuse(modifyCode.rejected, distance.message);
    change.trail = { distance, lastTicks: market.last?.priceTicks ?? 0 };
  }
  return change;
}

/** `Order/modify`: size, limit, stop or trail of a working order; absent or null fields stay as they are. */
export function modifyOrder(context: ExchangeContext, body: unknown): ExchangeAnswer<null> {
  const parsed = parseBody(modifyOrderSchema, body);
  if (!parsed.ok) return { errorCode: modifyCode.rejected, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
  const request = parsed.value;
  const account = context.accounts.get(request.accountId);
  if (account === undefined) return refuse(modifyCode.accountNotFound, 'Account not found.');
  const order = context.orders.get(request.orderId);
  if (order === undefined || order.accountId !== account.id) return refuse(modifyCode.orderNotFound, 'Order not found.');
  if (!isLive(order)) return refuse(modifyCode.rejected, 'The order is no longer working.');
  if (order.status === orderStatus.suspended) return refuse(modifyCode.rejected, 'A suspended bracket order cannot be modified before its entry fills.');
  const change = changeOf(context, order, request);
  if ('errorCode' in change) return change;

  if (change.size !== undefined) order.size = change.size;
  if (change.limitTicks !== undefined) order.limitTicks = change.limitTicks;
  if (change.stopTicks !== undefined) order.stopTicks = change.stopTicks;
  if (change.trail !== undefined) {
    const buy = isBuy(order);
    order.trailTicks = change.trail.distance;
    order.trailExtremeTicks = change.trail.lastTicks;
    order.stopTicks = buy ? change.trail.lastTicks + change.trail.distance : change.trail.lastTicks - change.trail.distance;
  }
  publishOrder(context, order);
  const market = context.marketOf(order.spec);
  const limitWorks = order.limitTicks !== null && (order.type !== orderType.stopLimit || order.triggered);
  if (limitWorks && market.calendar.isOpen(context.now())) fillMarketableLimit(context, market, order, context.now());
  return { errorCode: modifyCode.success, errorMessage: null, value: null };
}

/** `Order/cancel`: live and follower accounts are refused (6); cancelling an entry cancels its bracket legs. */
export function cancelOrder(context: ExchangeContext, body: unknown): ExchangeAnswer<null> {
  const parsed = parseBody(cancelOrderSchema, body);
  if (!parsed.ok) return { errorCode: cancelCode.rejected, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
  const account = context.accounts.get(parsed.value.accountId);
  if (account === undefined) return refuse(cancelCode.accountNotFound, 'Account not found.');
  if (account.live) return refuse(cancelCode.accountRejected, 'Live accounts not supported');
  if (account.follower) return refuse(cancelCode.accountRejected, 'Follower accounts cannot cancel orders');
  const order = context.orders.get(parsed.value.orderId);
  if (order === undefined || order.accountId !== account.id) return refuse(cancelCode.orderNotFound, 'Order not found.');
  if (!isLive(order)) return refuse(cancelCode.rejected, 'The order is no longer working.');
  setOrderStatus(context, order, orderStatus.cancelled);
  // An entry cancelled after a partial fill keeps protection for what filled.
  if (order.childIds.length > 0) {
    if (order.fillVolume === 0) cancelBracketLegs(context, order);
    else activateBracket(context, order);
  }
  return { errorCode: cancelCode.success, errorMessage: null, value: null };
}
