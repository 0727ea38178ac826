import { describe, expect, it } from 'vitest';
import { buildQuietExchange, combineAccount, esContract, lastPrice, marketOrder, moveTo, orderById, valueOf } from './exchange-test-kit';

describe('auto OCO brackets', () => {
  it('parks the legs Suspended, tagged and linked, until a limit entry fills', () => {
    // Arrange
    const rig = buildQuietExchange();
    const entry = lastPrice(rig) - 2;

    // Act
    const id =
      rig.exchange.placeOrder({
        accountId: combineAccount,
        contractId: esContract,
        type: 1,
        side: 0,
        size: 2,
        limitPrice: entry,
        customTag: 'b1',
        stopLossBracket: { ticks: -8, type: 4 },
        takeProfitBracket: { ticks: 16, type: 1 },
      }).orderId ?? 0;

    // Assert
    expect(orderById(rig, id + 1)).toMatchObject({ status: 8, type: 4, side: 1, size: 2, customTag: 'b1-SL', parentOrderId: id, stopPrice: entry - 2 });
    expect(orderById(rig, id + 2)).toMatchObject({
      status: 8,
      type: 1,
      side: 1,
      customTag: 'b1-TP',
      parentOrderId: id,
      linkedOrderId: id + 1,
      limitPrice: entry + 4,
    });
    expect(valueOf(rig.exchange.searchOpenOrders({ accountId: combineAccount })).map((order) => order.id)).toEqual([id]);
    const query = valueOf(rig.exchange.queryOrders({ filter: { accountId: combineAccount, statuses: [1, 6, 7, 8] }, sortBy: 1, sortDirection: 0 }));
    expect(query.orders.map((order) => order.id)).toEqual([id, id + 1, id + 2]);
  });

  it('opens the legs at their distances from the fill once the entry fills', () => {
    const rig = buildQuietExchange();
    const id = rig.exchange.placeOrder(marketOrder(0, 1, { stopLossBracket: { ticks: -8, type: 4 }, takeProfitBracket: { ticks: 12, type: 1 } })).orderId ?? 0;
    const fill = orderById(rig, id).filledPrice ?? 0;
    expect(orderById(rig, id + 1)).toMatchObject({ status: 1, stopPrice: fill - 2 });
    expect(orderById(rig, id + 2)).toMatchObject({ status: 1, limitPrice: fill + 3 });
  });

  it('cancels the stop when the target fills', async () => {
    const rig = buildQuietExchange();
    const id = rig.exchange.placeOrder(marketOrder(1, 1, { stopLossBracket: { ticks: 8, type: 4 }, takeProfitBracket: { ticks: -8, type: 1 } })).orderId ?? 0;
    const target = orderById(rig, id + 2).limitPrice ?? 0;
    await moveTo(rig, target - 0.25);
    expect([orderById(rig, id + 1).status, orderById(rig, id + 2).status]).toEqual([3, 2]);
    expect(valueOf(rig.exchange.searchOpenPositions({ accountId: combineAccount }))).toEqual([]);
  });

  it('cancels the target when the stop fills', async () => {
    const rig = buildQuietExchange();
    const id = rig.exchange.placeOrder(marketOrder(0, 1, { stopLossBracket: { ticks: -6, type: 4 }, takeProfitBracket: { ticks: 6, type: 1 } })).orderId ?? 0;
    await moveTo(rig, (orderById(rig, id + 1).stopPrice ?? 0) - 0.5);
    expect([orderById(rig, id + 1).status, orderById(rig, id + 2).status]).toEqual([2, 3]);
  });

  it('cancels the suspended legs with their entry', () => {
    const rig = buildQuietExchange();
    const id =
      rig.exchange.placeOrder({
        accountId: combineAccount,
        contractId: esContract,
        type: 1,
        side: 0,
        size: 1,
        limitPrice: lastPrice(rig) - 5,
        stopLossBracket: { ticks: -4, type: 4 },
      }).orderId ?? 0;
    expect(rig.exchange.cancelOrder({ accountId: combineAccount, orderId: id }).errorCode).toBe(0);
    expect([orderById(rig, id).status, orderById(rig, id + 1).status]).toEqual([3, 3]);
  });

  it('refuses to modify a leg before its entry fills', () => {
    const rig = buildQuietExchange();
    const id =
      rig.exchange.placeOrder({
        accountId: combineAccount,
        contractId: esContract,
        type: 1,
        side: 0,
        size: 1,
        limitPrice: lastPrice(rig) - 5,
        stopLossBracket: { ticks: -4, type: 4 },
      }).orderId ?? 0;
    expect(rig.exchange.modifyOrder({ accountId: combineAccount, orderId: id + 1, stopPrice: lastPrice(rig) - 10 }).errorCode).toBe(3);
  });
});
