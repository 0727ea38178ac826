import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../../src-shared/domain/trading';
import { distanceToFill } from './queries';

function order(change: Partial<OrderView>): OrderView {
  return {
    id: 1,
    accountId: 7,
    contractId: 'C',
    type: 'limit',
    side: 'buy',
    size: 1,
    status: 'open',
    limitTicks: 100,
    stopTicks: null,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: null,
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: 0,
    updatedAt: 0,
    ...change,
  };
}

describe('distance to fill', () => {
  it('counts ticks the market must travel to fill a resting limit', () => {
    expect(distanceToFill(order({}), 104)).toBe(4);
    expect(distanceToFill(order({ side: 'sell', limitTicks: 110 }), 104)).toBe(6);
  });

  it('counts ticks the market must travel to trigger a stop', () => {
    expect(distanceToFill(order({ type: 'stop', limitTicks: null, stopTicks: 110 }), 104)).toBe(6);
    expect(distanceToFill(order({ type: 'stop', side: 'sell', limitTicks: null, stopTicks: 98 }), 104)).toBe(6);
  });

  it('is unknown before a trade prints', () => {
    expect(distanceToFill(order({}), null)).toBeUndefined();
  });
});
