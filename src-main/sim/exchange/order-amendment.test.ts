import { describe, expect, it } from 'vitest';
import { buildQuietExchange, combineAccount, esContract, lastPrice, marketOrder, orderById, orderEvents } from './exchange-test-kit';

function restingBuy(rig: ReturnType<typeof buildQuietExchange>, below = 3): number {
  return (
    rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 1, limitPrice: lastPrice(rig) - below }).orderId ?? 0
  );
}

describe('modifying and cancelling orders', () => {
  it('moves a limit and announces the change', () => {
    const rig = buildQuietExchange();
    const id = restingBuy(rig);
    const price = lastPrice(rig) - 4;
    expect(rig.exchange.modifyOrder({ accountId: combineAccount, orderId: id, limitPrice: price, size: 3 }).errorCode).toBe(0);
    expect(orderEvents(rig.events).at(-1)).toMatchObject({ id, status: 1, limitPrice: price, size: 3 });
  });

  it('fills a limit moved through the market at once', () => {
    const rig = buildQuietExchange();
    const id = restingBuy(rig);
    rig.exchange.modifyOrder({ accountId: combineAccount, orderId: id, limitPrice: lastPrice(rig) + 1 });
    expect(orderById(rig, id).status).toBe(2);
  });

  it('re-measures a trailing stop from a new trail price', () => {
    const rig = buildQuietExchange();
    const start = lastPrice(rig);
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 5, side: 1, size: 1, trailPrice: start - 1 }).orderId ?? 0;
    rig.exchange.modifyOrder({ accountId: combineAccount, orderId: id, trailPrice: start - 3 });
    expect(orderById(rig, id)).toMatchObject({ trailDistance: 12, trailPrice: 3, stopPrice: start - 3 });
  });

  it('answers modify failures with the modify codes', () => {
    const rig = buildQuietExchange();
    const id = restingBuy(rig);
    const filled = rig.exchange.placeOrder(marketOrder(0, 1)).orderId ?? 0;
    expect(rig.exchange.modifyOrder({ accountId: 404, orderId: id, size: 2 }).errorCode).toBe(1);
    expect(rig.exchange.modifyOrder({ accountId: combineAccount, orderId: 42, size: 2 }).errorCode).toBe(2);
    expect(rig.exchange.modifyOrder({ accountId: combineAccount, orderId: filled, size: 2 }).errorCode).toBe(3);
    expect(rig.exchange.modifyOrder({ accountId: combineAccount, orderId: id, limitPrice: 1.1 })).toMatchObject({
      errorCode: 3,
      errorMessage: 'Invalid limit price. Price is not aligned to tick size.',
    });
    expect(rig.exchange.modifyOrder({ accountId: combineAccount, orderId: id, stopPrice: 100 }).errorCode).toBe(3);
  });

  it('cancels a working order and announces it Cancelled', () => {
    const rig = buildQuietExchange();
    const id = restingBuy(rig);
    expect(rig.exchange.cancelOrder({ accountId: combineAccount, orderId: id })).toEqual({ errorCode: 0, errorMessage: null, value: null });
    expect(orderEvents(rig.events).at(-1)).toMatchObject({ id, status: 3 });
    expect(rig.exchange.cancelOrder({ accountId: combineAccount, orderId: id }).errorCode).toBe(3);
    expect(rig.exchange.cancelOrder({ accountId: combineAccount, orderId: 1 }).errorCode).toBe(2);
  });

  it('refuses cancels from live and follower accounts with code 6', () => {
    const rig = buildQuietExchange({
      accounts: [
        { id: 1, name: 'LIVE-1', balance: 1000, live: true },
        { id: 2, name: 'COPY-2', balance: 1000, follower: true },
      ],
    });
    expect(rig.exchange.cancelOrder({ accountId: 1, orderId: 5 })).toEqual({ errorCode: 6, errorMessage: 'Live accounts not supported' });
    expect(rig.exchange.cancelOrder({ accountId: 2, orderId: 5 })).toEqual({ errorCode: 6, errorMessage: 'Follower accounts cannot cancel orders' });
  });
});
