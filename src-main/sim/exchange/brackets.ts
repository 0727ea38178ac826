import type { ExchangeContext } from './exchange-context';
import { setOrderStatus } from './order-events';
import { isLive, orderModelOf, type BracketPlan, type OrderRecord } from './order-store';
import { orderStatus, orderType } from './projectx-enums';

/**
 * Auto OCO brackets: an entry with `stopLossBracket`/`takeProfitBracket` gets a stop (type 4) and a
 * limit (type 1) on the other side, tagged `<tag>-SL` / `-TP`, ids right after the entry's. They
 * wait Suspended (8) until the entry fills, then open at signed tick distances from the fill.
 * When one leg fills the other is cancelled.
 */

function legLevel(referenceTicks: number | null, ticks: number | null): number | null {
  return referenceTicks === null || ticks === null ? null : referenceTicks + ticks;
}

/** Creates the suspended legs of an entry (the entry's id is `entry.id`, legs take the next ids). */
export function createBracketLegs(context: ExchangeContext, entry: OrderRecord, plan: BracketPlan, referenceTicks: number | null): OrderRecord[] {
  const legs: OrderRecord[] = [];
  const base = {
    accountId: entry.accountId,
    spec: entry.spec,
    contractId: entry.contractId,
    createdMs: entry.createdMs,
    creationTimestamp: entry.creationTimestamp,
    updateTimestamp: entry.creationTimestamp,
    status: orderStatus.suspended,
    side: entry.side === 0 ? 1 : 0,
    size: entry.size,
    trailTicks: null,
    trailExtremeTicks: null,
    triggered: false,
    fillVolume: 0,
    fillCostTicks: 0,
    parentOrderId: entry.id,
    bracket: null,
  };
  let nextId = entry.id + 1;
  if (plan.stopLossTicks !== null) {
    legs.push({
      ...base,
      id: nextId,
      type: orderType.stop,
      limitTicks: null,
      stopTicks: legLevel(referenceTicks, plan.stopLossTicks),
      customTag: entry.customTag === null ? null : `${entry.customTag}-SL`,
      role: 'stop-loss',
      linkedOrderId: null,
      childIds: [],
    });
    nextId += 1;
  }
  if (plan.takeProfitTicks !== null) {
    legs.push({
      ...base,
      id: nextId,
      type: orderType.limit,
      limitTicks: legLevel(referenceTicks, plan.takeProfitTicks),
      stopTicks: null,
      customTag: entry.customTag === null ? null : `${entry.customTag}-TP`,
      role: 'take-profit',
      // As captured live: the take-profit names the stop-loss, the stop-loss names nobody.
      linkedOrderId: plan.stopLossTicks === null ? null : entry.id + 1,
      childIds: [],
    });
  }
  for (const leg of legs) {
    entry.childIds.push(leg.id);
    context.orders.add(leg);
    context.emit({ kind: 'order', order: orderModelOf(leg) });
  }
  return legs;
}

/** Opens the legs of a filled entry at their distances from its average fill. */
export function activateBracket(context: ExchangeContext, entry: OrderRecord): void {
  const plan = entry.bracket;
  if (plan === null || entry.fillVolume === 0) return;
  const fillTicks = Math.round(entry.fillCostTicks / entry.fillVolume);
  for (const id of entry.childIds) {
    const leg = context.orders.get(id);
    if (leg === undefined || leg.status !== orderStatus.suspended) continue;
    leg.size = entry.fillVolume;
    if (leg.role === 'stop-loss') leg.stopTicks = legLevel(fillTicks, plan.stopLossTicks);
    if (leg.role === 'take-profit') leg.limitTicks = legLevel(fillTicks, plan.takeProfitTicks);
    setOrderStatus(context, leg, orderStatus.open);
  }
}

/** Cancels the other leg once one leg has filled (one cancels the other). */
export function cancelSiblingLeg(context: ExchangeContext, leg: OrderRecord): void {
  if (leg.parentOrderId === null) return;
  const entry = context.orders.get(leg.parentOrderId);
  if (entry === undefined) return;
  for (const id of entry.childIds) {
    const sibling = context.orders.get(id);
    if (sibling !== undefined && sibling.id !== leg.id && isLive(sibling)) setOrderStatus(context, sibling, orderStatus.cancelled);
  }
}

/** Cancels the legs of an entry that will never fill (cancelled or rejected entry). */
export function cancelBracketLegs(context: ExchangeContext, entry: OrderRecord): void {
  for (const id of entry.childIds) {
    const leg = context.orders.get(id);
    if (leg !== undefined && isLive(leg)) setOrderStatus(context, leg, orderStatus.cancelled);
  }
}
