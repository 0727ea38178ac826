import { describe, expect, it } from 'vitest';
import { bracketTemplateSchema } from '../../../../src-shared/domain/brackets';
import type { ContractView, OrderView } from '../../../../src-shared/domain/trading';
import { dragTargets, modifyForDrag, orderLineItems } from './order-line-items';

const scalp = bracketTemplateSchema.parse({ name: 'Scalp', stop: { ticks: 8 }, targets: [{ ticks: 16, size: 1 }] });
const runner = bracketTemplateSchema.parse({
  name: 'Runner',
  stop: { ticks: 12 },
  targets: [
    { ticks: 12, size: 1 },
    { ticks: 32, size: 1 },
  ],
});

const es: ContractView = {
  id: 'CON.F.US.EP.Z26',
  name: 'ESZ6',
  description: 'E-mini S&P',
  symbol: 'ES',
  symbolId: 'F.US.EP',
  tickSize: 0.25,
  tickValueCents: 1250,
  active: true,
};

function order(change: Partial<OrderView>): OrderView {
  return {
    id: 1,
    accountId: 7,
    contractId: es.id,
    type: 'limit',
    side: 'buy',
    size: 2,
    status: 'open',
    limitTicks: 20_000,
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

describe('order lines', () => {
  it('labels a working entry with side, type, size and price', () => {
    const [line] = orderLineItems([order({})], es, undefined, {}, new Map());

    expect(line).toMatchObject({ kind: 'order', price: 5000, text: 'BUY LMT 2 @ 5000.00', interactive: true, draggable: true });
  });

  it("draws a working entry's planned template around it with its dollar risk and reward", () => {
    const lines = orderLineItems([order({})], es, undefined, { 1: scalp }, new Map());

    expect(lines.map((line) => [line.kind, line.price, line.text])).toEqual([
      ['order', 5000, 'BUY LMT 2 @ 5000.00'],
      ['planned-stop-loss', 4998, 'Stop ×2 @ 4998.00  -8 t  -$200.00'],
      ['planned-take-profit', 5004, 'Target 1 ×2 @ 5004.00  +16 t  +$400.00'],
    ]);
  });

  it("splits a planned template's targets by their sizes", () => {
    const lines = orderLineItems([order({ size: 3 })], es, undefined, { 1: runner }, new Map());

    expect(lines.slice(1).map((line) => [line.id, line.text])).toEqual([
      ['plan-sl:1', 'Stop ×3 @ 4997.00  -12 t  -$450.00'],
      ['plan-t1:1', 'Target 1 ×1 @ 5003.00  +12 t  +$150.00'],
      ['plan-t2:1', 'Target 2 ×2 @ 5008.00  +32 t  +$800.00'],
    ]);
  });

  it("measures a sell limit's planned stop from the entry, never from a long position", () => {
    const position = { accountId: 7, contractId: es.id, size: 1, averageTicks: 19_900, openedAt: 0 };
    const sell = order({ side: 'sell', size: 3, limitTicks: 20_100 });

    const lines = orderLineItems([sell], es, position, { 1: scalp }, new Map());

    // One contract closes the long; the two that open the short get the template.
    expect(lines.slice(1).map((line) => [line.price, line.text])).toEqual([
      [5027, 'Stop ×2 @ 5027.00  -8 t  -$200.00'],
      [5021, 'Target 1 ×2 @ 5021.00  +16 t  +$400.00'],
    ]);
  });

  it('draws no plan for an entry that only closes the position', () => {
    const position = { accountId: 7, contractId: es.id, size: 2, averageTicks: 19_900, openedAt: 0 };

    expect(orderLineItems([order({ side: 'sell', limitTicks: 20_100 })], es, position, { 1: scalp }, new Map())).toHaveLength(1);
  });

  it('measures the broker-held legs of a working entry from that entry, not from the position', () => {
    const position = { accountId: 7, contractId: es.id, size: 1, averageTicks: 19_700, openedAt: 0 };
    const entry = order({ side: 'sell', size: 1, limitTicks: 20_100 });
    const stop = order({
      id: 2,
      type: 'stop',
      side: 'buy',
      size: 1,
      status: 'suspended',
      limitTicks: null,
      stopTicks: 20_108,
      parentOrderId: 1,
      customTag: 'tt-1-SL',
    });

    const line = orderLineItems([entry, stop], es, position, { 1: scalp }, new Map()).find((candidate) => candidate.id === 'order:2');

    expect(line).toMatchObject({ kind: 'planned-stop-loss', text: 'Stop ×1 @ 5027.00  -8 t  -$100.00' });
  });

  it("labels the position's working legs by cause with their P&L from the average", () => {
    const position = { accountId: 7, contractId: es.id, size: 2, averageTicks: 20_000, openedAt: 0 };
    const legs = [
      order({ id: 2, type: 'stop', side: 'sell', limitTicks: null, stopTicks: 19_992, customTag: 'tl-sl-a', cause: 'bracket:stop' }),
      order({ id: 3, type: 'stop', side: 'sell', limitTicks: null, stopTicks: 20_001, customTag: 'tl-sl-b', cause: 'bracket:break-even' }),
      order({ id: 4, type: 'stop', side: 'sell', limitTicks: null, stopTicks: 20_010, customTag: 'tl-sl-c', cause: 'bracket:trail' }),
      order({ id: 5, side: 'sell', size: 1, limitTicks: 20_032, customTag: 'tl-t2-d', cause: 'bracket:target-2' }),
    ];

    const lines = orderLineItems(legs, es, position, {}, new Map());

    expect(lines.map((line) => [line.kind, line.text])).toEqual([
      ['stop-loss', 'Stop ×2 @ 4998.00  -8 t  -$200.00'],
      ['stop-loss', 'BE stop ×2 @ 5000.25  +1 t  +$25.00'],
      ['stop-loss', 'Trail stop ×2 @ 5002.50  +10 t  +$250.00'],
      ['take-profit', 'Target 2 ×1 @ 5008.00  +32 t  +$400.00'],
    ]);
  });

  it("writes label prices in the contract's format", () => {
    const bond: ContractView = { ...es, id: 'CON.F.US.ZN.Z26', name: 'ZNZ6', tickSize: 0.015625, tickValueCents: 1563 };
    const [line] = orderLineItems([order({ contractId: bond.id, limitTicks: 7000 })], bond, undefined, {}, new Map());

    expect(line?.text).toBe('BUY LMT 2 @ 109.375000');
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

    expect([...dragTargets([entry, stop, target, working], 1, 20_010)]).toEqual([
      [1, 20_010],
      [2, 20_002],
      [3, 20_026],
    ]);
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
