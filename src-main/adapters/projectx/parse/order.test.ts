import { describe, expect, it } from 'vitest';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { mergeRecord } from './merge';
import { isCompleteOrder, orderView, parseOrderUpdate, type OrderRecord } from './order';
import { userEventEntities } from './user-envelope';

function record(payload: unknown): OrderRecord {
  const parsed = parseOrderUpdate(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('order payloads', () => {
  it('parses a rejected market order with absent prices, an id above 2^31 and 7 fractional digits', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-order-wrapped-1.json')]);

    const view = orderView(record(entity), 0.25);

    expect(view).toEqual({
      ok: true,
      value: expect.objectContaining({
        id: 3425270858,
        accountId: 90000001,
        type: 'market',
        side: 'sell',
        status: 'rejected',
        limitTicks: null,
        stopTicks: null,
        averageFillTicks: null,
        filledSize: 0,
        customTag: 'glt-33fa8e1e-d19c-422d-ac43-efb12061d97c',
        createdAt: Date.UTC(2026, 7, 19, 20, 49, 25, 393),
        updatedAt: Date.UTC(2026, 7, 19, 20, 49, 25, 396),
      }),
    });
  });

  it('keeps bracket links and reads the trail fields of a cancelled take-profit child', () => {
    const [entity] = userEventEntities([loadFixtureObject('hub-user-order-wrapped-2.json')]);

    const view = orderView(record(entity), 0.25);

    expect(view.ok && view.value).toMatchObject({
      id: 3348158587,
      type: 'limit',
      status: 'cancelled',
      limitTicks: 113383,
      parentOrderId: 3348158584,
      linkedOrderId: 3348158586,
      trailTicks: null,
    });
  });

  it('reads a trailing stop distance from trailDistance ticks, or from trailPrice when only that is sent', () => {
    const base = {
      id: 1,
      accountId: 2,
      contractId: 'CON.F.US.MNQ.U26',
      creationTimestamp: '2026-07-31T14:28:51Z',
      status: 1,
      type: 5,
      side: 1,
      size: 1,
      stopPrice: 28000,
    };

    const fromTicks = orderView(record({ ...base, trailDistance: -40 }), 0.25);
    const fromPrice = orderView(record({ ...base, trailPrice: 10.25 }), 0.25);

    expect(fromTicks.ok && fromTicks.value.trailTicks).toBe(40);
    expect(fromPrice.ok && fromPrice.value.trailTicks).toBe(41);
  });

  it('parses a pending market order from a Python arguments log', () => {
    const [entity] = userEventEntities(loadFixtureArray('hub-user-order-args-1.json'));

    const view = orderView(record(entity), 1);

    expect(view.ok && view.value).toMatchObject({ id: 2934939764, status: 'pending', size: 15, customTag: null });
  });

  it('parses every order of an Order/search answer, bracket children and rejected orders included', () => {
    const orders = loadFixtureArray('rest-order-search-1.json');
    const tickSizes: Record<string, number> = { 'CON.F.US.MNQ.U26': 0.25, 'CON.F.US.MES.U26': 0.25, 'CON.F.US.MCLE.V26': 0.01 };

    const views = orders.map((order) => orderView(record(order), tickSizes[(order as { contractId: string }).contractId] ?? 0));

    expect(views.every((view) => view.ok)).toBe(true);
    expect(views.filter((view) => view.ok && view.value.parentOrderId !== null).length).toBeGreaterThan(0);
    expect(views.filter((view) => view.ok && view.value.id > 2 ** 31)).toHaveLength(orders.length);
    expect(views.filter((view) => view.ok && view.value.status === 'rejected').length).toBeGreaterThan(0);
  });

  it('parses a searchOpen order with explicit nulls, 9-decimal prices and no customTag', () => {
    const [order] = loadFixtureObject('rest-order-searchOpen-1.json').orders as unknown[];

    const view = orderView(record(order), 0.25);

    expect(view.ok && view.value).toMatchObject({ id: 26970, type: 'stop', side: 'sell', stopTicks: 20552, limitTicks: null, filledSize: 0, customTag: null });
  });

  it('merges a partial update into the cached order and emits the whole order', () => {
    const sequence = loadFixtureArray('hub-user-sequence-1.json') as { event: string; payload: unknown }[];
    const [first] = userEventEntities([sequence[1]?.payload]);
    const cached = record(first);
    const partial = record({ id: cached.id, accountId: cached.accountId, limitPrice: 6027.75, updateTimestamp: '2025-06-11T03:32:42.5085794+00:00' });

    const merged = mergeRecord(cached, partial);
    const view = orderView(merged, 0.25);

    expect(isCompleteOrder(partial)).toBe(false);
    expect(isCompleteOrder(merged)).toBe(true);
    expect(view.ok && view.value).toMatchObject({
      id: 1232154799,
      status: 'open',
      side: 'sell',
      limitTicks: 24111,
      updatedAt: Date.UTC(2025, 5, 11, 3, 32, 42, 508),
    });
  });

  it('refuses an order whose price is off the tick grid', () => {
    const base = {
      id: 1,
      accountId: 2,
      contractId: 'CON.F.US.EP.Z26',
      creationTimestamp: '2026-07-31T14:28:51Z',
      status: 1,
      type: 1,
      side: 0,
      size: 1,
      limitPrice: 6000.1,
    };

    expect(orderView(record(base), 0.25).ok).toBe(false);
  });

  it('refuses a payload without an id or with a string id', () => {
    expect(parseOrderUpdate({ status: 1 }).ok).toBe(false);
    expect(parseOrderUpdate({ id: '3425270858' }).ok).toBe(false);
  });
});
