import type { StrategyOrderRole } from '../../src-shared/domain/strategies';
import type { AccountId, ContractId } from '../../src-shared/domain/ids';
import type { OrderSide, OrderStatus, OrderView } from '../../src-shared/domain/trading';

/** An order inside the replay exchange, prices in ticks. */
export interface ReplayOrder {
  readonly id: number;
  readonly side: OrderSide;
  readonly type: 'market' | 'limit' | 'stop';
  readonly size: number;
  limitTicks: number | null;
  stopTicks: number | null;
  status: OrderStatus;
  readonly role: StrategyOrderRole;
  readonly parentId: number | null;
  readonly bracket: { readonly stopLossTicks: number; readonly takeProfitTicks: number | null } | null;
  /** Placed since the last bar: a limit at the open is marketable, not resting. */
  fresh: boolean;
  filledSize: number;
  averageFillTicks: number | null;
  readonly createdAt: number;
  updatedAt: number;
}

/** The order as the strategy sees it. */
export function replayOrderView(order: ReplayOrder, accountId: AccountId, contractId: ContractId): OrderView {
  return {
    id: order.id,
    accountId,
    contractId,
    type: order.type,
    side: order.side,
    size: order.size,
    status: order.status,
    limitTicks: order.limitTicks,
    stopTicks: order.stopTicks,
    trailTicks: null,
    filledSize: order.filledSize,
    averageFillTicks: order.averageFillTicks,
    customTag: null,
    parentOrderId: order.parentId,
    linkedOrderId: null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

/**
 * Where, moving from `from` to `to`, the order is reached, following the simulator's rules: a stop
 * triggers when price reaches it (at or beyond), a resting limit fills only when price trades
 * through it (a touch leaves it in the queue). Null when the move does not reach it. `from`
 * itself is excluded for stops (it was already checked as a point).
 */
export function triggerOnMove(order: ReplayOrder, from: number, to: number): number | null {
  const up = to > from;
  if (order.type === 'stop') {
    const stop = order.stopTicks;
    if (stop === null) return null;
    if (order.side === 'buy') return up && stop > from && stop <= to ? stop : null;
    return !up && stop < from && stop >= to ? stop : null;
  }
  if (order.type === 'limit') {
    const limit = order.limitTicks;
    if (limit === null) return null;
    if (order.side === 'sell') return up && limit >= from && limit < to ? limit : null;
    return !up && limit <= from && limit > to ? limit : null;
  }
  return null;
}

/** Whether the order fills at a print (the open) and at what price, before slippage. */
export function fillAtPrint(order: ReplayOrder, price: number): number | null {
  const buy = order.side === 'buy';
  switch (order.type) {
    case 'market':
      return price;
    case 'stop': {
      const stop = order.stopTicks;
      if (stop === null) return null;
      return (buy ? price >= stop : price <= stop) ? price : null;
    }
    case 'limit': {
      const limit = order.limitTicks;
      if (limit === null) return null;
      // A new limit is marketable at the open (fills at the better open); a resting one needs a trade through it and fills at its price.
      if (order.fresh) return (buy ? price <= limit : price >= limit) ? price : null;
      return (buy ? price < limit : price > limit) ? limit : null;
    }
  }
}
