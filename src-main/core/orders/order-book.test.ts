import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../src-shared/domain/trading';
import { OrderBook } from './order-book';

function order(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 3_500_000_001,
    accountId: 1,
    contractId: 'CON.F.US.EP.Z26',
    type: 'limit',
    side: 'buy',
    size: 2,
    status: 'open',
    limitTicks: 24000,
    stopTicks: null,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: 'tag-1',
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: 1000,
    updatedAt: 1000,
    ...overrides,
  };
}

describe('order book', () => {
  it('adds a new order and ignores the same event repeated', () => {
    const book = new OrderBook();

    const first = book.apply(order());
    const again = book.apply(order());

    expect([first, again]).toEqual(['added', 'ignored']);
  });

  it('follows the lifecycle and never leaves a final state', () => {
    const book = new OrderBook();
    book.apply(order({ status: 'pending', type: 'market', limitTicks: null }));

    const filled = book.apply(order({ status: 'filled', type: 'market', limitTicks: null, filledSize: 2, averageFillTicks: 24001, updatedAt: 1001 }));
    const reopened = book.apply(order({ status: 'open', type: 'market', limitTicks: null, updatedAt: 1002 }));

    expect([filled, reopened]).toEqual(['updated', 'ignored']);
    expect(book.get(3_500_000_001)?.status).toBe('filled');
  });

  it('ignores an older event arriving after a newer one', () => {
    const book = new OrderBook();
    book.apply(order({ limitTicks: 24010, updatedAt: 2000 }));

    const late = book.apply(order({ limitTicks: 24000, updatedAt: 1500 }));

    expect(late).toBe('ignored');
    expect(book.get(3_500_000_001)?.limitTicks).toBe(24010);
  });

  it('takes a modified price and a partial fill as updates', () => {
    const book = new OrderBook();
    book.apply(order());

    const moved = book.apply(order({ limitTicks: 23990, updatedAt: 1100 }));
    const partial = book.apply(order({ limitTicks: 23990, filledSize: 1, averageFillTicks: 23990, updatedAt: 1200 }));
    const stale = book.apply(order({ limitTicks: 23990, filledSize: 0, updatedAt: 1200 }));

    expect([moved, partial, stale]).toEqual(['updated', 'updated', 'ignored']);
  });

  it('reconciles to the broker: new orders appear, vanished ones end', () => {
    const book = new OrderBook();
    book.apply(order({ id: 1 }));
    book.apply(order({ id: 2, customTag: 'tag-2' }));

    const changed = book.reconcile(1, [order({ id: 2, customTag: 'tag-2' }), order({ id: 3, customTag: 'tag-3' })]);

    expect(changed.map((entry) => [entry.id, entry.status])).toEqual([
      [3, 'open'],
      [1, 'cancelled'],
    ]);
    expect(book.working(1).map((entry) => entry.id)).toEqual([2, 3]);
    expect(book.byTag(1, 'tag-3')?.id).toBe(3);
  });
});

describe('order book reconciliation against the stream', () => {
  it('keeps an order the stream reported after the snapshot began reading, instead of calling it gone', () => {
    const book = new OrderBook();
    const placed = order({ id: 42, status: 'open' });
    book.apply(placed, 2_000);

    const changed = book.reconcile(placed.accountId, [], 1_000);

    expect(changed).toEqual([]);
    expect(book.get(42)?.status).toBe('open');
    expect(book.reconcile(placed.accountId, [], 3_000).map((order) => order.status)).toEqual(['cancelled']);
  });
});
