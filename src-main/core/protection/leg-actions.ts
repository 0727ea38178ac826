import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import { isFinalStatus, type OrderView } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';
import type { OrderService } from '../orders/order-service';
import type { TradingCore } from '../trading-core';
import type { LegLedger } from './leg-ledger';
import type { LegAction } from './leg-planner';
import { legCause, legTag, type LegRole } from './leg-tags';

/** What sending leg actions needs. */
export interface LegActionPorts {
  readonly core: TradingCore;
  readonly orders: OrderService;
  readonly clock: Clock;
  readonly ledger: LegLedger;
  readonly newUnique: () => string;
}

function roleName(role: LegRole): string {
  return role.kind === 'stop' ? 'stop' : `target ${role.index + 1}`;
}

/**
 * Sends a plan's actions, safest first: cancels and cuts (they remove exposure a leg could open)
 * together, then new legs and growth, then stop moves. Stops and everything that shrinks go on the
 * priority lane. Returns the failures in a trader's words (an order that ended meanwhile is none).
 */
export async function sendLegActions(ports: LegActionPorts, accountId: AccountId, contractId: ContractId, actions: readonly LegAction[]): Promise<string[]> {
  const { core } = ports;
  const shrinking = actions.filter(
    (action) => action.kind === 'cancel' || (action.kind === 'resize' && action.size < (core.orders.get(action.orderId)?.size ?? Number.POSITIVE_INFINITY)),
  );
  const growing = actions.filter((action) => !shrinking.includes(action) && action.kind !== 'move');
  const moves = actions.filter((action) => action.kind === 'move');
  const failures: string[] = [];
  for (const group of [shrinking, growing, moves]) {
    const results = await Promise.all(group.map((action) => send(ports, accountId, contractId, action)));
    for (const failure of results) if (failure !== undefined) failures.push(failure);
  }
  return failures;
}

async function send(ports: LegActionPorts, accountId: AccountId, contractId: ContractId, action: LegAction): Promise<string | undefined> {
  const { orders, clock, ledger, core } = ports;
  const ended = (orderId: number) => {
    const order = core.orders.get(orderId);
    return order === undefined || isFinalStatus(order.status);
  };
  switch (action.kind) {
    case 'cancel': {
      const result = await orders.cancelLeg(accountId, action.orderId, legCause(action.role), 'priority');
      if (result.ok) ledger.changed(action.orderId, { cancelled: true }, clock.now());
      return result.ok || ended(action.orderId) ? undefined : `cancelling the ${roleName(action.role)} failed: ${result.error.message}`;
    }
    case 'resize': {
      const result = await orders.changeLeg(accountId, action.orderId, { size: action.size }, legCause(action.role), 'priority');
      if (result.ok) ledger.changed(action.orderId, { size: action.size }, clock.now());
      return result.ok || ended(action.orderId) ? undefined : `resizing the ${roleName(action.role)} to ${action.size} failed: ${result.error.message}`;
    }
    case 'move': {
      const change = { stopTicks: action.stopTicks, ...(action.limitTicks === null ? {} : { limitTicks: action.limitTicks }) };
      const result = await orders.changeLeg(accountId, action.orderId, change, action.cause, 'normal');
      if (result.ok) {
        ledger.changed(action.orderId, change, clock.now());
        core.causes.bind(action.orderId, action.cause);
      }
      return result.ok || ended(action.orderId) ? undefined : `moving the stop failed: ${result.error.message}`;
    }
    case 'place': {
      const customTag = legTag(action.role, ports.newUnique());
      const cause = legCause(action.role);
      const request = {
        accountId,
        contractId,
        side: action.side,
        size: action.size,
        type: action.type,
        customTag,
        ...(action.stopTicks === null ? {} : { stopTicks: action.stopTicks }),
        ...(action.limitTicks === null ? {} : { limitTicks: action.limitTicks }),
      };
      const result = await orders.placeLeg(request, cause, action.role.kind === 'stop' ? 'priority' : 'normal');
      if (!result.ok) return `placing the ${roleName(action.role)} failed: ${result.error.message}`;
      const now = clock.now();
      const order: OrderView = {
        id: result.value.orderId,
        accountId,
        contractId,
        type: action.type,
        side: action.side,
        size: action.size,
        status: 'open',
        limitTicks: action.limitTicks,
        stopTicks: action.stopTicks,
        trailTicks: null,
        filledSize: 0,
        averageFillTicks: null,
        customTag,
        parentOrderId: null,
        linkedOrderId: null,
        createdAt: now,
        updatedAt: now,
        cause,
      };
      ledger.placed(order, action.role, now);
      return undefined;
    }
  }
}
