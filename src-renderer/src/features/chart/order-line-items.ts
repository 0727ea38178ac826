import { formatCents, formatPrice } from '../../../../src-shared/domain/money';
import type { StrategyMark } from '../../../../src-shared/domain/strategies';
import type { ContractView, OrderView, PositionView } from '../../../../src-shared/domain/trading';
import type { PlannedBracket } from '../../lib/planned-brackets-store';
import { bracketCents, formatTicks } from '../../lib/profit-and-loss';
import { orderTypeLabel } from '../../lib/order-request';
import { ticksToWirePrice } from '../../lib/ticks';
import type { OrderLine } from './primitives/order-lines/options';

/** The price in ticks a working order's line sits at: its stop for stop types, else its limit. */
export function lineTicksOf(order: OrderView): number | null {
  if (order.type === 'stop' || order.type === 'stop-limit' || order.type === 'trailing-stop') return order.stopTicks;
  return order.limitTicks;
}

/** True for the stop-loss or take-profit leg of a bracket (attached to a parent or an OCO partner). */
export function isBracketLeg(order: OrderView): boolean {
  return order.parentOrderId !== null || order.linkedOrderId !== null;
}

function remaining(order: OrderView): number {
  return order.size - order.filledSize;
}

function legText(label: string, order: OrderView, ticks: number, contract: ContractView, position: PositionView | undefined): string {
  const base = `${label} ${remaining(order)} @ ${formatPrice(ticks, contract.tickSize)}`;
  if (position === undefined || position.size === 0) return base;
  const distance = (ticks - position.averageTicks) * Math.sign(position.size);
  const rounded = Math.round(distance * 10) / 10;
  return `${base}  ${formatTicks(rounded)}  ${formatCents(bracketCents(rounded, Math.abs(position.size), contract.tickValueCents))}`;
}

/**
 * Lines for a contract's working orders: entries labelled with side, type, size and price, bracket
 * legs as SL/TP with their distance from the position, planned brackets of working entries, and
 * a dragged line shown at its new price until the broker answers. Orders a strategy placed carry
 * its tag and cannot be dragged (the strategy manages them); they can still be cancelled.
 */
export function orderLineItems(
  orders: readonly OrderView[],
  contract: ContractView,
  position: PositionView | undefined,
  planned: Readonly<Record<number, PlannedBracket>>,
  overrides: ReadonlyMap<number, number>,
  marks: ReadonlyMap<number, StrategyMark> = new Map(),
): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const order of orders) {
    if (order.contractId !== contract.id) continue;
    const original = lineTicksOf(order);
    if (original === null) continue;
    const ticks = overrides.get(order.id) ?? original;
    const price = ticks * contract.tickSize;
    const strategy = marks.get(order.id)?.strategyId;
    const draggable = order.type !== 'trailing-stop' && strategy === undefined;
    const owner = strategy === undefined ? {} : { strategy };
    if (isBracketLeg(order)) {
      const stopLeg = order.type === 'stop' || order.type === 'stop-limit' || order.type === 'trailing-stop';
      // A leg waiting for its entry to fill is drawn dashed, like a planned bracket.
      const waiting = order.status === 'suspended' || order.status === 'pending';
      const kind = stopLeg ? (waiting ? 'planned-stop-loss' : 'stop-loss') : waiting ? 'planned-take-profit' : 'take-profit';
      lines.push({ id: `order:${order.id}`, orderId: order.id, kind, side: order.side, price, text: legText(stopLeg ? 'SL' : 'TP', order, ticks, contract, position), interactive: true, draggable, ...owner });
      continue;
    }
    const text = `${order.side === 'buy' ? 'BUY' : 'SELL'} ${orderTypeLabel(order.type)} ${remaining(order)} @ ${formatPrice(ticks, contract.tickSize)}`;
    lines.push({ id: `order:${order.id}`, orderId: order.id, kind: 'order', side: order.side, price, text, interactive: true, draggable, ...owner });
    const bracket = planned[order.id];
    // The broker already shows the legs as orders of their own: draw those, not the plan.
    if (bracket === undefined || orders.some((other) => other.parentOrderId === order.id)) continue;
    const direction = order.side === 'buy' ? 1 : -1;
    const size = remaining(order);
    if (bracket.stopLossTicks !== undefined) {
      const stopTicks = ticks - direction * bracket.stopLossTicks;
      const risk = formatCents(-bracketCents(bracket.stopLossTicks, size, contract.tickValueCents));
      lines.push({ id: `plan-sl:${order.id}`, orderId: order.id, kind: 'planned-stop-loss', side: order.side, price: stopTicks * contract.tickSize, text: `SL ${formatTicks(-bracket.stopLossTicks)}  ${risk}`, interactive: false, draggable: false });
    }
    if (bracket.takeProfitTicks !== undefined) {
      const targetTicks = ticks + direction * bracket.takeProfitTicks;
      const reward = formatCents(bracketCents(bracket.takeProfitTicks, size, contract.tickValueCents));
      lines.push({ id: `plan-tp:${order.id}`, orderId: order.id, kind: 'planned-take-profit', side: order.side, price: targetTicks * contract.tickSize, text: `TP ${formatTicks(bracket.takeProfitTicks)}  +${reward}`, interactive: false, draggable: false });
    }
  }
  return lines;
}

/**
 * What `orders.modify` gets for a line dragged to new ticks: the stop for stop types (a stop-limit
 * keeps its limit offset), the limit otherwise; prices as exact decimals.
 */
export function modifyForDrag(order: OrderView, ticks: number, tickSize: number): { price?: number; stopPrice?: number } {
  const toPrice = (value: number) => ticksToWirePrice(value, tickSize);
  if (order.type === 'stop') return { stopPrice: toPrice(ticks) };
  if (order.type === 'stop-limit' && order.stopTicks !== null) {
    const offset = (order.limitTicks ?? order.stopTicks) - order.stopTicks;
    return { stopPrice: toPrice(ticks), price: toPrice(ticks + offset) };
  }
  return { price: toPrice(ticks) };
}

/** Bracket legs that wait for an entry to fill: they keep their distance when the entry is dragged. */
export function waitingLegsOf(orders: readonly OrderView[], entry: OrderView): OrderView[] {
  return orders.filter((order) => order.parentOrderId === entry.id && (order.status === 'suspended' || order.status === 'pending'));
}

/**
 * Where every line of a drag goes: the dragged order at `ticks`, and its waiting bracket legs moved
 * by the same number of ticks.
 */
export function dragTargets(orders: readonly OrderView[], orderId: number, ticks: number): Map<number, number> {
  const targets = new Map<number, number>();
  const entry = orders.find((order) => order.id === orderId);
  const from = entry === undefined ? null : lineTicksOf(entry);
  if (entry === undefined || from === null) return targets;
  targets.set(orderId, ticks);
  for (const leg of waitingLegsOf(orders, entry)) {
    const legTicks = lineTicksOf(leg);
    if (legTicks !== null) targets.set(leg.id, legTicks + ticks - from);
  }
  return targets;
}
