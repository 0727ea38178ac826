import { describe, expect, it } from 'vitest';
import { buildQuietExchange, combineAccount, esContract, lastPrice, marketOrder, valueOf } from './exchange-test-kit';

describe('searching orders, fills, positions and accounts', () => {
  it('finds the orders created in a time window, oldest first', () => {
    // Arrange
    const rig = buildQuietExchange();
    const first = rig.exchange.placeOrder(marketOrder(0, 1)).orderId;
    rig.clock.advance(60_000);
    const second = rig.exchange.placeOrder(marketOrder(1, 1)).orderId;

    // Act
    const all = valueOf(rig.exchange.searchOrders({ accountId: combineAccount, startTimestamp: '2026-08-19T13:00:00Z' }));
    const late = valueOf(
      rig.exchange.searchOrders({ accountId: combineAccount, startTimestamp: '2026-08-19T14:00:30Z', endTimestamp: '2026-08-19T15:00:00Z' }),
    );

    // Assert
    expect(all.map((order) => order.id)).toEqual([first, second]);
    expect(late.map((order) => order.id)).toEqual([second]);
  });

  it('answers an unknown account with code 1', () => {
    const rig = buildQuietExchange();
    expect(rig.exchange.searchOrders({ accountId: 3, startTimestamp: '2026-08-19T13:00:00Z' }).errorCode).toBe(1);
    expect(rig.exchange.searchOpenPositions({ accountId: 3 }).errorCode).toBe(1);
    expect(rig.exchange.searchTrades({ accountId: 3 }).errorCode).toBe(1);
    expect(rig.exchange.searchOrderById({ accountId: combineAccount, orderId: 3 }).errorCode).toBe(1);
  });

  it('pages, sorts and counts v2 queries', () => {
    const rig = buildQuietExchange();
    const ids = Array.from({ length: 5 }, (_, index) => {
      rig.clock.advance(1000);
      return rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 1, limitPrice: lastPrice(rig) - 5 - index })
        .orderId;
    });
    const page = valueOf(
      rig.exchange.queryOrders({ filter: { accountId: combineAccount, statuses: [1] }, pageSize: 2, pageOffset: 1, includeTotalCount: true }),
    );
    expect(page.totalCount).toBe(5);
    expect(page.orders.map((order) => order.id)).toEqual([ids[3], ids[2]]);
    const contract = valueOf(rig.exchange.queryOrders({ filter: { accountId: combineAccount, contractId: 'CON.F.US.EP.Z26' } }));
    expect(contract.orders).toEqual([]);
  });

  it('flags a malformed v2 query with its field', () => {
    const rig = buildQuietExchange();
    expect(rig.exchange.queryOrders({ filter: { accountId: combineAccount }, pageSize: 500 }).invalidField).toBe('pageSize');
  });

  it('lists fills newest first and open positions', () => {
    const rig = buildQuietExchange();
    rig.exchange.placeOrder(marketOrder(0, 1));
    rig.exchange.placeOrder(marketOrder(0, 2));
    const trades = valueOf(rig.exchange.searchTrades({ accountId: combineAccount, startTimestamp: '2026-08-19T00:00:00Z' }));
    expect(trades.map((trade) => trade.size)).toEqual([2, 1]);
    expect(valueOf(rig.exchange.searchOpenPositions({ accountId: combineAccount }))).toEqual([
      expect.objectContaining({ contractId: esContract, type: 1, size: 3 }),
    ]);
  });

  it('lists only active accounts when asked', () => {
    const rig = buildQuietExchange({
      accounts: [
        { id: 1, name: 'A', balance: 1 },
        { id: 2, name: 'B', balance: 1, canTrade: false },
      ],
    });
    expect(valueOf(rig.exchange.searchAccounts({ onlyActiveAccounts: true })).map((account) => account.id)).toEqual([1]);
    expect(valueOf(rig.exchange.searchAccounts({ onlyActiveAccounts: false }))).toHaveLength(2);
  });

  it('offers 50K and 150K combines and a practice account by default', () => {
    const rig = buildQuietExchange();
    const names = valueOf(rig.exchange.searchAccounts({ onlyActiveAccounts: false })).map((account) => `${account.name}=${account.balance}`);
    expect(names).toEqual(['50KTC-V2-412077-19834501=50000', '150KTC-V2-412077-19834502=150000', 'PRAC-V2-412077-19834503=150000']);
  });
});
