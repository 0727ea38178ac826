import { describe, expect, it } from 'vitest';
import type { ContractView, OrderView } from '../../../../src-shared/domain/trading';
import { dragTargets, modifyForDrag, orderLineItems } from './order-line-items';

const es: ContractView = { id: 'CON.F.US.EP.Z26', name: 'ESZ6', description: 'E-mini S&P', symbol: 'ES', symbolId: 'F.US.EP', tickSize: 0.25, tickValueCents: 1250, active: true };

function order(change: Partial<OrderView>): OrderView {
  return {
    id: 1, accountId: 7, contractId: es.id, type: 'limit', side: 'buy', size: 2, status: 'open', limitTicks: 20_000, stopTicks: null, trailTicks: null,
    filledSize: 0, averageFillTicks: null, customTag: null, parentOrderId: null, linkedOrderId: null, createdAt: 0, updatedAt: 0, ...change,
  };
}

describe('order lines', () => {
  it('labels a working entry with side, type, size and price', () => {
    const [line] = orderLineItems([order({})], es, undefined, {}, new Map());

    expect(line).toMatchObject({ kind: 'order', price: 5000, text: 'BUY LMT 2 @ 5000.00', interactive: true, draggable: true });
  });

  it('draws planned brackets around a working entry with their dollar risk and reward', () => {
    const lines = orderLineItems([order({})], es, undefined, { 1: { stopLossTicks: 8, takeProfitTicks: 16 } }, new Map());

    expect(lines.map((line) => [line.kind, line.price, line.text])).toEqual([
      ['order', 5000, 'BUY LMT 2 @ 5000.00'],
      ['planned-stop-loss', 4998, 'SL -8 t  -$200.00'],
      ['planned-take-profit', 5004, 'TP +16 t  +$400.00'],
    ]);
  });

  it('shows bracket legs as SL and TP with their distance from the position', () => {
    const stop = order({ id: 2, type: 'stop', side: 'sell', limitTicks: null, stopTicks: 19_992, parentOrderId: 1 });
    const position = { accountId: 7, contractId: es.id, size: 2, averageTicks: 20_000, openedAt: 0 };

    const [line] = orderLineItems([stop], es, position, {}, new Map());

    expect(line).toMatchObject({ kind: 'stop-loss', price: 4998, text: 'SL 2 @ 4998.00  -8 t  -$200.00' });
  });

  it('keeps a dragged line at its new price until the broker answers, and skips other contracts', () => {
    const lines = orderLineItems([order({}), order({ id: 3, contractId: 'CON.F.US.ENQ.Z26' })], es, undefined, {}, new Map([[1, 20_004]]));

    expect(lines).toHaveLength(1);
    expect(lines[0]?.price).toBe(5001);
  });

  it('moves the right price field when a line is dropped', () => {
    expect(modifyForDrag(order({}), 20_001, 0.25)).toEqual({ price: 5000.25 });
    expect(modifyForDrag(order({ type: 'stop', stopTicks: 20_000, limitTicks: null }), 20_001, 0.25)).toEqual({ stopPrice: 5000.25 });
    expect(modifyForDrag(order({ type: 'stop-limit', stopTicks: 20_000, limitTicks: 20_002 }), 20_004, 0.25)).toEqual({ stopPrice: 5001, price: 5001.5 });
  });

  it('moves the waiting bracket legs with a dragged entry, keeping their distance', () => {
    const entry = order({});
    const stop = order({ id: 2, type: 'stop', side: 'sell', status: 'suspended', limitTicks: null, stopTicks: 19_992, parentOrderId: 1 });
    const target = order({ id: 3, side: 'sell', status: 'suspended', limitTicks: 20_016, parentOrderId: 1 });
    const working = order({ id: 4, type: 'stop', side: 'sell', status: 'open', limitTicks: null, stopTicks: 19_990, parentOrderId: 1 });

    expect([...dragTargets([entry, stop, target, working], 1, 20_010)]).toEqual([[1, 20_010], [2, 20_002], [3, 20_026]]);
  });
});

describe('strategy order lines', () => {
  it('tags the orders a strategy placed and leaves them to it (no drag), manual orders untouched', () => {
    const marks = new Map([[2, { orderId: 2, strategyId: 'mr-1', strategyName: 'Mean reversion ES', role: 'stop-loss' as const, fillIds: [] }]]);
    const manual = order({ id: 1 });
    const stop = order({ id: 2, type: 'stop', side: 'sell', stopTicks: 19_990, limitTicks: null, linkedOrderId: 3 });

    const lines = orderLineItems([manual, stop], es, undefined, {}, new Map(), marks);

    expect(lines.map((line) => [line.id, line.strategy, line.draggable, line.interactive])).toEqual([
      ['order:1', undefined, true, true],
      ['order:2', 'mr-1', false, true],
    ]);
  });
});
