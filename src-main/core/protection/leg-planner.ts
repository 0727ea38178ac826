import { allocateTargets, type BracketTemplate } from '../../../src-shared/domain/brackets';
import type { OrderId } from '../../../src-shared/domain/ids';
import type { Ticks } from '../../../src-shared/domain/money';
import type { OrderSide, OrderView } from '../../../src-shared/domain/trading';
import type { LegRole } from './leg-tags';

/** A working leg of a position. `pending`: a native child the broker has not opened yet (its entry has filled). */
export interface PlannedLeg {
  readonly order: OrderView;
  readonly role: LegRole;
  readonly pending: boolean;
}

/** What the planner decides from. */
export interface PlanInput {
  /** The net position (signed size), undefined when flat. */
  readonly position: { readonly size: number; readonly averageTicks: number } | undefined;
  /** The template in effect for the position; null: no new legs, existing ones still follow the position. */
  readonly template: BracketTemplate | null;
  /** Every working leg the terminal placed (or the broker made for it) on this account and contract. */
  readonly legs: readonly PlannedLeg[];
  /**
   * The position size (absolute, same direction) the legs were last provided for. Legs are added
   * only when the position outgrows it, so a leg the trader cancelled stays cancelled.
   */
  readonly provisionedSize: number;
  /** Where break-even or the trail wants the stop (tighten only), if anywhere. */
  readonly managedStop: { readonly stopTicks: Ticks; readonly cause: 'bracket:break-even' | 'bracket:trail' } | undefined;
  /** Moves smaller than this are not sent (the trail's step). */
  readonly stepTicks: number;
  /** The last price; a stop is never moved to or through it. */
  readonly markTicks: Ticks | null;
}

/** One change to the legs. */
export type LegAction =
  | { readonly kind: 'cancel'; readonly orderId: OrderId; readonly role: LegRole; readonly reason: string }
  | { readonly kind: 'resize'; readonly orderId: OrderId; readonly role: LegRole; readonly size: number }
  | {
      readonly kind: 'move';
      readonly orderId: OrderId;
      readonly stopTicks: Ticks;
      readonly limitTicks: Ticks | null;
      readonly cause: 'bracket:break-even' | 'bracket:trail';
    }
  | {
      readonly kind: 'place';
      readonly role: LegRole;
      readonly side: OrderSide;
      readonly size: number;
      readonly type: 'stop' | 'stop-limit' | 'limit';
      readonly stopTicks: Ticks | null;
      readonly limitTicks: Ticks | null;
    };

function remaining(leg: PlannedLeg): number {
  return leg.order.size - leg.order.filledSize;
}

/**
 * Trims legs (in the order given) until their total is at most `limit`: a leg that would keep
 * nothing is cancelled, the last one cut is resized.
 */
function shrink(legs: readonly PlannedLeg[], limit: number, actions: LegAction[]): Map<OrderId, number> {
  const sizes = new Map<OrderId, number>(legs.map((leg) => [leg.order.id, remaining(leg)]));
  let excess = [...sizes.values()].reduce((sum, size) => sum + size, 0) - limit;
  for (const leg of legs) {
    if (excess <= 0) break;
    const size = sizes.get(leg.order.id) ?? 0;
    if (size <= excess) {
      actions.push({ kind: 'cancel', orderId: leg.order.id, role: leg.role, reason: 'larger than the position' });
      sizes.set(leg.order.id, 0);
      excess -= size;
    } else {
      actions.push({ kind: 'resize', orderId: leg.order.id, role: leg.role, size: leg.order.filledSize + size - excess });
      sizes.set(leg.order.id, size - excess);
      excess = 0;
    }
  }
  return sizes;
}

/** Newest first, the broker's pending children last: the order in which legs give way. */
function giveWayOrder(legs: readonly PlannedLeg[]): PlannedLeg[] {
  return [...legs].sort((a, b) => Number(a.pending) - Number(b.pending) || b.order.createdAt - a.order.createdAt || b.order.id - a.order.id);
}

/** The stop of a new leg for a position (rounded away from the entry, the average may be fractional). */
export function stopLevel(position: { size: number; averageTicks: number }, ticks: number): Ticks {
  return position.size > 0 ? Math.floor(position.averageTicks - ticks) : Math.ceil(position.averageTicks + ticks);
}

/** The price of a target leg (rounded away from the entry). */
export function targetLevel(position: { size: number; averageTicks: number }, ticks: number): Ticks {
  return position.size > 0 ? Math.ceil(position.averageTicks + ticks) : Math.floor(position.averageTicks - ticks);
}

/**
 * What to do to a position's legs so they match it: none when flat; only on the closing side;
 * never more than the position in total (stops and targets each); grown per the template when the
 * position outgrew what they were provided for; the stop tightened by break-even or the trail.
 * Pure: the protection engine sends what it returns.
 */
export function planLegs(input: PlanInput): LegAction[] {
  const actions: LegAction[] = [];
  const { position, template, legs } = input;
  if (position === undefined || position.size === 0) {
    for (const leg of legs) actions.push({ kind: 'cancel', orderId: leg.order.id, role: leg.role, reason: 'the position is flat' });
    return actions;
  }
  const direction = Math.sign(position.size);
  const closing: OrderSide = direction > 0 ? 'sell' : 'buy';
  const size = Math.abs(position.size);
  for (const leg of legs)
    if (leg.order.side !== closing) actions.push({ kind: 'cancel', orderId: leg.order.id, role: leg.role, reason: 'on the opening side of the position' });
  const live = legs.filter((leg) => leg.order.side === closing);
  const stops = live.filter((leg) => leg.role.kind === 'stop');
  const targets = live.filter((leg) => leg.role.kind === 'target');

  const stopSizes = shrink(giveWayOrder(stops), size, actions);
  // The farthest target gives way first: the nearer ones are the plan's first exits.
  const byDistance = [...targets].sort(
    (a, b) => targetIndex(b) - targetIndex(a) || Number(a.pending) - Number(b.pending) || b.order.createdAt - a.order.createdAt,
  );
  const targetSizes = shrink(byDistance, size, actions);

  if (template !== null && size > input.provisionedSize) {
    growStops(input, template, stops, stopSizes, closing, actions);
    growTargets(input, template, targets, targetSizes, closing, actions);
  }
  moveStops(input, stops, stopSizes, direction, actions);
  return actions;
}

function targetIndex(leg: PlannedLeg): number {
  return leg.role.kind === 'target' ? leg.role.index : -1;
}

function growStops(
  input: PlanInput,
  template: BracketTemplate,
  stops: readonly PlannedLeg[],
  sizes: Map<OrderId, number>,
  side: OrderSide,
  actions: LegAction[],
): void {
  const position = input.position;
  if (template.stop === null || position === undefined) return;
  const size = Math.abs(position.size);
  const covered = [...sizes.values()].reduce((sum, value) => sum + value, 0);
  const deficit = size - covered;
  if (deficit <= 0) return;
  const growable = stops.find((leg) => !leg.pending && (sizes.get(leg.order.id) ?? 0) > 0);
  if (growable !== undefined) {
    actions.push({
      kind: 'resize',
      orderId: growable.order.id,
      role: growable.role,
      size: growable.order.filledSize + (sizes.get(growable.order.id) ?? 0) + deficit,
    });
    return;
  }
  let stopTicks = stopLevel(position, template.stop.ticks);
  const managed = input.managedStop?.stopTicks;
  if (managed !== undefined && (managed - stopTicks) * Math.sign(position.size) > 0 && !throughMarket(managed, input.markTicks, Math.sign(position.size)))
    stopTicks = managed;
  const stopLimit = template.stop.type === 'stop-limit';
  actions.push({
    kind: 'place',
    role: { kind: 'stop' },
    side,
    size: deficit,
    type: stopLimit ? 'stop-limit' : 'stop',
    stopTicks,
    limitTicks: stopLimit ? stopTicks - Math.sign(position.size) * template.stop.limitOffsetTicks : null,
  });
}

function growTargets(
  input: PlanInput,
  template: BracketTemplate,
  targets: readonly PlannedLeg[],
  sizes: Map<OrderId, number>,
  side: OrderSide,
  actions: LegAction[],
): void {
  const position = input.position;
  if (template.targets.length === 0 || position === undefined) return;
  const size = Math.abs(position.size);
  const allocation = allocateTargets(template, size);
  const coveredAt = (index: number) => targets.filter((leg) => targetIndex(leg) === index).reduce((sum, leg) => sum + (sizes.get(leg.order.id) ?? 0), 0);
  let total = [...sizes.values()].reduce((sum, value) => sum + value, 0);
  template.targets.forEach((target, index) => {
    const want = Math.min((allocation[index] ?? 0) - coveredAt(index), size - total);
    if (want <= 0) return;
    total += want;
    const growable = targets.find((leg) => targetIndex(leg) === index && !leg.pending && (sizes.get(leg.order.id) ?? 0) > 0);
    if (growable !== undefined) {
      actions.push({
        kind: 'resize',
        orderId: growable.order.id,
        role: growable.role,
        size: growable.order.filledSize + (sizes.get(growable.order.id) ?? 0) + want,
      });
      return;
    }
    actions.push({
      kind: 'place',
      role: { kind: 'target', index },
      side,
      size: want,
      type: 'limit',
      stopTicks: null,
      limitTicks: targetLevel(position, target.ticks),
    });
  });
}

function throughMarket(stopTicks: Ticks, markTicks: Ticks | null, direction: number): boolean {
  return markTicks !== null && (stopTicks - markTicks) * direction >= 0;
}

function moveStops(input: PlanInput, stops: readonly PlannedLeg[], sizes: Map<OrderId, number>, direction: number, actions: LegAction[]): void {
  const managed = input.managedStop;
  if (managed === undefined || throughMarket(managed.stopTicks, input.markTicks, direction)) return;
  for (const leg of stops) {
    const current = leg.order.stopTicks;
    if (leg.pending || current === null || leg.order.type === 'trailing-stop' || (sizes.get(leg.order.id) ?? 0) === 0) continue;
    const gain = (managed.stopTicks - current) * direction;
    if (gain <= 0 || gain < input.stepTicks) continue;
    const offset = leg.order.limitTicks === null ? null : leg.order.limitTicks - current;
    actions.push({
      kind: 'move',
      orderId: leg.order.id,
      stopTicks: managed.stopTicks,
      limitTicks: offset === null ? null : managed.stopTicks + offset,
      cause: managed.cause,
    });
  }
}
