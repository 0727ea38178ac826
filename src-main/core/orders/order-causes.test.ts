import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../src-shared/domain/trading';
import { OrderCauses } from './order-causes';

function order(overrides: Partial<OrderView>): OrderView {
  return {
    id: 1,
    accountId: 7,
    contractId: 'C',
    type: 'market',
    side: 'buy',
    size: 1,
    status: 'open',
    limitTicks: null,
    stopTicks: null,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: null,
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

describe('order causes', () => {
  it('names the cause registered for a tag, then for the broker id', () => {
    const causes = new OrderCauses();
    causes.register(7, 'tt-a', 'strategy:s-1');

    expect(causes.ofOrder(order({ id: 10, customTag: 'tt-a' }), 0)).toBe('strategy:s-1');
    expect(causes.ofOrder(order({ id: 10, customTag: null }), 0)).toBe('strategy:s-1');
  });

  it("reads a leg's role from its tag, or from its terminal entry for a native child without one", () => {
    const causes = new OrderCauses();
    const entry = order({ id: 20, customTag: 'tt-entry' });

    expect(causes.ofOrder(order({ id: 21, customTag: 'tl-t2-x', type: 'limit' }), 0)).toBe('bracket:target-2');
    expect(causes.ofOrder(order({ id: 22, customTag: 'tt-entry-SL', type: 'stop' }), 0)).toBe('bracket:stop');
    expect(causes.ofOrder(order({ id: 23, parentOrderId: 20, type: 'limit' }), 0, entry)).toBe('bracket:target-1');
    expect(causes.ofOrder(order({ id: 24, parentOrderId: 20, type: 'stop' }), 0, entry)).toBe('bracket:stop');
  });

  it('gives an untagged market order on a contract being flattened to the flatten, until the claim ends', () => {
    const causes = new OrderCauses();
    causes.closing(7, 'C', 'risk:003', 1_000);

    expect(causes.ofOrder(order({ id: 30 }), 500)).toBe('risk:003');
    causes.closed(7, 'C');
    expect(causes.ofOrder(order({ id: 31 }), 600)).toBe('other-app');
    expect(causes.ofOrder(order({ id: 32, type: 'limit', customTag: 'oa-1' }), 600)).toBe('other-app');
  });
});
