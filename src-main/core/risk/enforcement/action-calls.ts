import type { AccountId } from '../../../../src-shared/domain/ids';
import { isFinalStatus } from '../../../../src-shared/domain/trading';
import { ok, type Result } from '../../../../src-shared/result';
import type { OrderService } from '../../orders/order-service';
import type { BrokerPort } from '../../ports/broker-port';
import type { TradingCore } from '../../trading-core';
import type { RiskAction } from '../rules/rule-types';

/** What enforcement calls. */
export interface ActionPorts {
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly broker: BrokerPort;
}

/**
 * True when the broker's state (as the core holds it) already is what the action wants: the
 * position at its target, the orders gone, the stop moved. Success is this, not the call's answer.
 */
export function actionSatisfied(core: TradingCore, accountId: AccountId, action: RiskAction): boolean {
  switch (action.kind) {
    case 'flatten-all':
      return core.positions.of(accountId).length === 0 && core.orders.working(accountId).length === 0;
    case 'flatten':
      return core.positions.get(accountId, action.contractId) === undefined && core.orders.working(accountId, action.contractId).length === 0;
    case 'reduce':
      return Math.abs(core.positions.get(accountId, action.contractId)?.size ?? 0) <= action.targetSize;
    case 'cancel-all':
      return core.orders.working(accountId, action.contractId ?? undefined).length === 0;
    case 'cancel': {
      const order = core.orders.get(action.orderId);
      return order === undefined || isFinalStatus(order.status);
    }
    case 'move-stop': {
      const order = core.orders.get(action.orderId);
      return order === undefined || isFinalStatus(order.status) || order.stopTicks === action.stopTicks;
    }
  }
}

/** A short description of the call an action makes, for the audit log. */
export function describeRequest(accountId: AccountId, action: RiskAction): Record<string, unknown> {
  return { accountId, ...action, lane: action.kind === 'move-stop' ? 'normal' : 'priority' };
}

/**
 * Sends one action to the broker. Every flatten cancels the contract's working orders first (the
 * order service does), because the broker's close leaves brackets working. A reduce first shrinks
 * the closing-side orders to the size that will remain, so a leftover stop cannot open a position.
 */
export async function sendAction(ports: ActionPorts, accountId: AccountId, action: RiskAction, actor: string): Promise<Result<unknown>> {
  const { core, orders, broker } = ports;
  switch (action.kind) {
    case 'flatten-all':
      return orders.flatten(accountId, undefined, actor, 'priority');
    case 'flatten':
      return orders.flatten(accountId, action.contractId, actor, 'priority');
    case 'cancel-all':
      return orders.cancelAll(accountId, action.contractId ?? undefined, actor, 'priority');
    case 'cancel':
      return orders.cancel(accountId, action.orderId, actor, 'priority');
    case 'move-stop':
      return broker.modifyOrder({ accountId, orderId: action.orderId, stopTicks: action.stopTicks }, 'normal');
    case 'reduce': {
      const position = core.positions.get(accountId, action.contractId);
      const lots = Math.abs(position?.size ?? 0) - action.targetSize;
      if (position === undefined || lots <= 0) return ok(undefined);
      const closingSide = position.size > 0 ? 'sell' : 'buy';
      for (const order of core.orders.working(accountId, action.contractId)) {
        if (order.side !== closingSide || order.size - order.filledSize <= action.targetSize) continue;
        const resized =
          action.targetSize === 0
            ? await broker.cancelOrder(accountId, order.id, 'priority')
            : await broker.modifyOrder({ accountId, orderId: order.id, size: action.targetSize }, 'priority');
        if (!resized.ok) return resized;
      }
      return broker.closePosition(accountId, action.contractId, lots, 'priority');
    }
  }
}
