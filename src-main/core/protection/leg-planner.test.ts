import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketTemplateSchema } from '../../../src-shared/domain/brackets';
import type { OrderSide, OrderView } from '../../../src-shared/domain/trading';
import { planLegs, type LegAction, type PlannedLeg } from './leg-planner';
import type { LegRole } from './leg-tags';

const two = bracketTemplateSchema.parse({
  name: 'Two',
  stop: { ticks: 8 },
  targets: [
    { ticks: 8, size: 1 },
    { ticks: 24, size: 1 },
  ],
});

let nextId = 1;
function leg(role: LegRole, side: OrderSide, size: number, price: number, pending = false): PlannedLeg {
  const order: OrderView = {
    id: nextId++,
    accountId: 1,
    contractId: 'C',
    type: role.kind === 'stop' ? 'stop' : 'limit',
    side,
    size,
    status: pending ? 'suspended' : 'open',
    limitTicks: role.kind === 'stop' ? null : price,
    stopTicks: role.kind === 'stop' ? price : null,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: null,
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: nextId,
    updatedAt: nextId,
  };
  return { order, role, pending };
}

const stop: LegRole = { kind: 'stop' };
const target = (index: number): LegRole => ({ kind: 'target', index });
const base = { managedStop: undefined, stepTicks: 1, markTicks: 1000 } as const;

describe('leg planner', () => {
  it('cancels every leg when the position is flat', () => {
    const legs = [leg(stop, 'sell', 1, 990), leg(target(0), 'sell', 1, 1010)];
    expect(planLegs({ ...base, position: undefined, template: two, legs, provisionedSize: 1 }).map((action) => action.kind)).toEqual(['cancel', 'cancel']);
  });

  it('gives a new long position a stop for all of it and one target per template size', () => {
    const actions = planLegs({ ...base, position: { size: 2, averageTicks: 1000 }, template: two, legs: [], provisionedSize: 0 });
    expect(actions).toEqual([
      { kind: 'place', role: stop, side: 'sell', size: 2, type: 'stop', stopTicks: 992, limitTicks: null },
      { kind: 'place', role: target(0), side: 'sell', size: 1, type: 'limit', stopTicks: null, limitTicks: 1008 },
      { kind: 'place', role: target(1), side: 'sell', size: 1, type: 'limit', stopTicks: null, limitTicks: 1024 },
    ]);
  });

  it('shrinks the farthest target first and resizes the stop when the position gets smaller', () => {
    const legs = [leg(stop, 'sell', 2, 992), leg(target(0), 'sell', 1, 1008), leg(target(1), 'sell', 1, 1024)];
    const actions = planLegs({ ...base, position: { size: 1, averageTicks: 1000 }, template: two, legs, provisionedSize: 2 });
    expect(actions).toEqual([
      { kind: 'resize', orderId: legs[0]?.order.id, role: stop, size: 1 },
      { kind: 'cancel', orderId: legs[2]?.order.id, role: target(1), reason: 'larger than the position' },
    ]);
  });

  it('does not place again a target that already filled (scale-out)', () => {
    // Target 1 filled: the position is 1, target 2 (1) and the stop (resized) remain.
    const legs = [leg(stop, 'sell', 1, 992), leg(target(1), 'sell', 1, 1024)];
    expect(planLegs({ ...base, position: { size: 1, averageTicks: 1000 }, template: two, legs, provisionedSize: 1 })).toEqual([]);
  });

  it('grows the stop it has instead of placing a second one when the position is added to', () => {
    const legs = [leg(stop, 'sell', 1, 995)];
    const actions = planLegs({ ...base, position: { size: 2, averageTicks: 1000 }, template: { ...two, targets: [] }, legs, provisionedSize: 1 });
    expect(actions).toEqual([{ kind: 'resize', orderId: legs[0]?.order.id, role: stop, size: 2 }]);
  });

  it('leaves a leg the trader cancelled cancelled until the position grows', () => {
    expect(planLegs({ ...base, position: { size: 1, averageTicks: 1000 }, template: two, legs: [], provisionedSize: 1 })).toEqual([]);
  });

  it('cancels legs of the old side when the position reverses', () => {
    const legs = [leg(stop, 'sell', 1, 992)];
    const actions = planLegs({ ...base, position: { size: -1, averageTicks: 1000 }, template: two, legs, provisionedSize: 0 });
    expect(actions[0]).toMatchObject({ kind: 'cancel', orderId: legs[0]?.order.id });
    expect(actions.filter((action) => action.kind === 'place').every((action) => action.kind === 'place' && action.side === 'buy')).toBe(true);
  });

  it('counts the broker pending children as cover and never resizes them', () => {
    const legs = [leg(stop, 'sell', 1, 992, true), leg(target(0), 'sell', 1, 1016, true)];
    expect(
      planLegs({ ...base, position: { size: 1, averageTicks: 1000 }, template: { ...two, targets: [{ ticks: 16, size: 1 }] }, legs, provisionedSize: 0 }),
    ).toEqual([]);
  });

  it('moves the stop to break-even only when it tightens by the step and stays off the market', () => {
    const legs = [leg(stop, 'sell', 1, 992)];
    const input = { position: { size: 1, averageTicks: 1000 }, template: two, legs, provisionedSize: 1 };
    expect(planLegs({ ...input, managedStop: { stopTicks: 1001, cause: 'bracket:break-even' }, stepTicks: 1, markTicks: 1009 })).toEqual([
      { kind: 'move', orderId: legs[0]?.order.id, stopTicks: 1001, limitTicks: null, cause: 'bracket:break-even' },
    ]);
    expect(planLegs({ ...input, managedStop: { stopTicks: 1001, cause: 'bracket:break-even' }, stepTicks: 1, markTicks: 1001 })).toEqual([]);
    expect(planLegs({ ...input, managedStop: { stopTicks: 994, cause: 'bracket:trail' }, stepTicks: 4, markTicks: 1009 })).toEqual([]);
  });
});

/** Applies planned actions to legs as the broker would (sizes, cancels, new legs). */
function applied(legs: readonly PlannedLeg[], actions: readonly LegAction[]): { side: OrderSide; size: number; role: LegRole }[] {
  const result = new Map(legs.map((entry) => [entry.order.id, { side: entry.order.side, size: entry.order.size, role: entry.role }]));
  let id = 1_000_000;
  for (const action of actions) {
    if (action.kind === 'cancel') result.delete(action.orderId);
    if (action.kind === 'resize') {
      const known = result.get(action.orderId);
      if (known !== undefined) result.set(action.orderId, { ...known, size: action.size });
    }
    if (action.kind === 'place') result.set(id++, { side: action.side, size: action.size, role: action.role });
  }
  return [...result.values()];
}

describe('leg planner invariants', () => {
  const legArbitrary = fc.record({
    stop: fc.boolean(),
    index: fc.integer({ min: 0, max: 1 }),
    side: fc.constantFrom<OrderSide>('buy', 'sell'),
    size: fc.integer({ min: 1, max: 4 }),
    pending: fc.boolean(),
  });

  it('after its actions no leg is on the opening side, and stops and targets each total at most the position (none when flat)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4, max: 4 }), fc.array(legArbitrary, { maxLength: 6 }), fc.integer({ min: 0, max: 4 }), (size, specs, provisionedSize) => {
        const legs = specs.map((spec) => leg(spec.stop ? stop : target(spec.index), spec.side, spec.size, 1000, spec.pending));
        const position = size === 0 ? undefined : { size, averageTicks: 1000 };
        const after = applied(legs, planLegs({ ...base, position, template: two, legs, provisionedSize }));
        if (position === undefined) return after.length === 0;
        const closing: OrderSide = size > 0 ? 'sell' : 'buy';
        const total = (kind: LegRole['kind']) => after.filter((entry) => entry.role.kind === kind).reduce((sum, entry) => sum + entry.size, 0);
        return after.every((entry) => entry.side === closing) && total('stop') <= Math.abs(size) && total('target') <= Math.abs(size);
      }),
    );
  });

  it('a position that outgrew its legs ends with a stop covering all of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.array(legArbitrary, { maxLength: 4 }), (magnitude, long, specs) => {
        const size = long ? magnitude : -magnitude;
        const closing: OrderSide = size > 0 ? 'sell' : 'buy';
        const legs = specs.map((spec) => leg(spec.stop ? stop : target(spec.index), closing, spec.size, 1000, false));
        const after = applied(legs, planLegs({ ...base, position: { size, averageTicks: 1000 }, template: two, legs, provisionedSize: 0 }));
        return after.filter((entry) => entry.role.kind === 'stop').reduce((sum, entry) => sum + entry.size, 0) === magnitude;
      }),
    );
  });
});
