import { allocateTargets } from '../../../../src-shared/domain/brackets';
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

const legTagPattern = /^tl-(sl|t([1-9]))-/;
const nativeLegPattern = /-(SL|TP)$/;

/**
 * True for a protective leg: an order the protection engine placed (its cause, or a `tl-` tag), a
 * broker bracket child (`-SL`/`-TP`, or attached to a parent or an OCO partner).
 */
export function isBracketLeg(order: OrderView): boolean {
  if (order.cause?.startsWith('bracket:') === true) return true;
  if (order.customTag !== null && (legTagPattern.test(order.customTag) || nativeLegPattern.test(order.customTag))) return true;
  return order.parentOrderId !== null || order.linkedOrderId !== null;
}

function isStopType(order: OrderView): boolean {
  return order.type === 'stop' || order.type === 'stop-limit' || order.type === 'trailing-stop';
}

/** A leg's name on its line: by its cause (Stop, BE stop, Trail stop, Target 2), else its tag, else its type. */
export function legLabel(order: OrderView): string {
  const cause = order.cause;
  if (cause === 'bracket:stop') return 'Stop';
  if (cause === 'bracket:break-even') return 'BE stop';
  if (cause === 'bracket:trail') return 'Trail stop';
  if (cause?.startsWith('bracket:target-') === true) return `Target ${cause.slice('bracket:target-'.length)}`;
  const tagged = order.customTag === null ? null : legTagPattern.exec(order.customTag);
  if (tagged !== null) return tagged[1] === 'sl' ? 'Stop' : `Target ${tagged[2] ?? 1}`;
  return isStopType(order) ? 'Stop' : 'Target';
}

function remaining(order: OrderView): number {
  return order.size - order.filledSize;
}

/** `Stop ×2 @ 4998.00  -8 t  -$200.00`: a leg's size and price, then its distance and money from `from` (an entry price or the position's average) when known. */
function legText(label: string, size: number, ticks: number, contract: ContractView, from: { ticks: number; direction: number } | undefined): string {
  const base = `${label} ×${size} @ ${formatPrice(ticks, contract.tickSize)}`;
  if (from === undefined) return base;
  const distance = Math.round((ticks - from.ticks) * from.direction * 10) / 10;
  const cents = bracketCents(distance, size, contract.tickValueCents);
  return `${base}  ${formatTicks(distance)}  ${cents > 0 ? '+' : ''}${formatCents(cents)}`;
}

/** True while a leg waits for its entry to fill (the broker holds it suspended). */
function waiting(order: OrderView): boolean {
  return order.status === 'suspended' || order.status === 'pending';
}

/**
 * Contracts of a working entry that open or add to a position (and so get its template): all of it
 * flat or on the position's side, what is left after closing the position when it reverses, none
 * when it only closes.
 */
export function openingSize(order: OrderView, position: PositionView | undefined): number {
  const size = remaining(order);
  if (position === undefined || position.size === 0) return size;
  const sameSide = position.size > 0 === (order.side === 'buy');
  return sameSide ? size : Math.max(0, size - Math.abs(position.size));
}

/**
 * Lines for a contract's working orders: entries labelled with side, type, size and price; the
 * position's working legs labelled by cause (Stop, BE stop, Trail stop, Target 2) with their P&L
 * from the position's average; legs still waiting for their entry, and the planned template of a
 * working entry, with their P&L from that entry's own price and size (never from the position);
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
  const ticksOf = (order: OrderView): number | null => overrides.get(order.id) ?? lineTicksOf(order);
  for (const order of orders) {
    if (order.contractId !== contract.id) continue;
    const ticks = ticksOf(order);
    if (ticks === null) continue;
    const price = ticks * contract.tickSize;
    const strategy = marks.get(order.id)?.strategyId;
    const draggable = order.type !== 'trailing-stop' && strategy === undefined;
    const owner = strategy === undefined ? {} : { strategy };
    if (isBracketLeg(order)) {
      const stopLeg = isStopType(order);
      // A leg waiting for its entry to fill is drawn dashed, like a planned bracket, and measured from that entry.
      const isWaiting = waiting(order);
      const kind = stopLeg ? (isWaiting ? 'planned-stop-loss' : 'stop-loss') : isWaiting ? 'planned-take-profit' : 'take-profit';
      let from: { ticks: number; direction: number } | undefined;
      if (isWaiting) {
        const entry = orders.find((candidate) => candidate.id === order.parentOrderId);
        const entryTicks = entry === undefined ? null : ticksOf(entry);
        if (entry !== undefined && entryTicks !== null) from = { ticks: entryTicks, direction: entry.side === 'buy' ? 1 : -1 };
      } else if (position !== undefined && position.size !== 0 && position.size > 0 === (order.side === 'sell')) {
        // Only a leg on the closing side is measured from the position.
        from = { ticks: position.averageTicks, direction: Math.sign(position.size) };
      }
      lines.push({
        id: `order:${order.id}`,
        orderId: order.id,
        kind,
        side: order.side,
        price,
        text: legText(legLabel(order), remaining(order), ticks, contract, from),
        interactive: true,
        draggable,
        ...owner,
      });
      continue;
    }
    const text = `${order.side === 'buy' ? 'BUY' : 'SELL'} ${orderTypeLabel(order.type)} ${remaining(order)} @ ${formatPrice(ticks, contract.tickSize)}`;
    lines.push({ id: `order:${order.id}`, orderId: order.id, kind: 'order', side: order.side, price, text, interactive: true, draggable, ...owner });
    const template = planned[order.id];
    // The broker already shows the legs as orders of their own: draw those, not the plan.
    if (template === undefined || orders.some((other) => other.parentOrderId === order.id)) continue;
    const size = openingSize(order, position);
    if (size === 0) continue;
    const direction = order.side === 'buy' ? 1 : -1;
    const from = { ticks, direction };
    if (template.stop !== null) {
      const stopTicks = ticks - direction * template.stop.ticks;
      lines.push({
        id: `plan-sl:${order.id}`,
        orderId: order.id,
        kind: 'planned-stop-loss',
        side: order.side,
        price: stopTicks * contract.tickSize,
        text: legText('Stop', size, stopTicks, contract, from),
        interactive: false,
        draggable: false,
      });
    }
    const allocation = allocateTargets(template, size);
    template.targets.forEach((target, index) => {
      const contracts = allocation[index] ?? 0;
      if (contracts === 0) return;
      const targetTicks = ticks + direction * target.ticks;
      lines.push({
        id: `plan-t${index + 1}:${order.id}`,
        orderId: order.id,
        kind: 'planned-take-profit',
        side: order.side,
        price: targetTicks * contract.tickSize,
        text: legText(`Target ${index + 1}`, contracts, targetTicks, contract, from),
        interactive: false,
        draggable: false,
      });
    });
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
