import { describe, expect, it } from 'vitest';
import { buildQuietExchange, combineAccount, esContract, lastPrice, marketOrder, orderEvents, saturdayNoon } from './exchange-test-kit';

describe('order validation', () => {
  it('answers an unknown account with code 1 and no order', () => {
    const rig = buildQuietExchange();
    expect(rig.exchange.placeOrder(marketOrder(0, 1, { accountId: 999 }))).toMatchObject({ errorCode: 1, orderId: null });
    expect(orderEvents(rig.events)).toEqual([]);
  });

  it('answers an unknown contract with code 8 and no order', () => {
    const rig = buildQuietExchange();
    expect(rig.exchange.placeOrder(marketOrder(0, 1, { contractId: 'CON.F.US.XYZ.U26' }))).toMatchObject({ errorCode: 8, orderId: null });
  });

  it('names the field of a malformed body', () => {
    const rig = buildQuietExchange();
    const answer = rig.exchange.placeOrder(marketOrder(0, 1, { size: 'one' }));
    expect(answer).toMatchObject({ errorCode: 2, orderId: null, invalidField: 'size' });
    expect(answer.errorMessage).toContain('size');
  });

  it('still creates a refused order, announced Pending then Rejected, and returns its id', () => {
    // Arrange
    const rig = buildQuietExchange();

    // Act
    const answer = rig.exchange.placeOrder(marketOrder(0, 0));

    // Assert
    expect(answer).toMatchObject({ errorCode: 2, errorMessage: 'Invalid order size. Size must be greater than zero.' });
    expect(answer.orderId).toBeGreaterThan(2 ** 31);
    expect(orderEvents(rig.events).map((order) => [order.id, order.status])).toEqual([
      [answer.orderId, 6],
      [answer.orderId, 5],
    ]);
  });

  it('refuses an off-grid price with code 2', () => {
    const rig = buildQuietExchange();
    const answer = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 1, limitPrice: lastPrice(rig) - 1.1 });
    expect(answer).toMatchObject({ errorCode: 2, errorMessage: 'Invalid limit price. Price is not aligned to tick size.' });
  });

  it('refuses a custom tag the account already used', () => {
    const rig = buildQuietExchange();
    rig.exchange.placeOrder(marketOrder(0, 1, { customTag: 'once' }));
    const again = rig.exchange.placeOrder(marketOrder(0, 1, { customTag: 'once' }));
    expect(again).toMatchObject({ errorCode: 2, errorMessage: "Custom tag 'once' is already in use for this account." });
    expect(rig.exchange.placeOrder(marketOrder(0, 1, { customTag: 'once', accountId: 18_102 })).errorCode).toBe(0);
  });

  it('refuses orders while the market is closed with code 5', () => {
    const rig = buildQuietExchange({ startMs: saturdayNoon });
    const answer = rig.exchange.placeOrder(marketOrder(0, 1));
    expect(answer).toMatchObject({ errorCode: 5, errorMessage: 'Trading is currently unavailable. The instrument is not in an active trading status.' });
    expect(answer.orderId).not.toBeNull();
  });

  it('refuses an expired contract month as not active (9)', () => {
    const rig = buildQuietExchange();
    expect(rig.exchange.placeOrder(marketOrder(0, 1, { contractId: 'CON.F.US.EP.M26' })).errorCode).toBe(9);
  });

  it('refuses an account that may not trade with code 4', () => {
    const rig = buildQuietExchange({ accounts: [{ id: 5, name: 'LOCKED', balance: 1000, canTrade: false }] });
    expect(rig.exchange.placeOrder(marketOrder(0, 1, { accountId: 5 })).errorCode).toBe(4);
  });

  it('refuses brackets in Position Brackets mode but still returns an order id', () => {
    const rig = buildQuietExchange({ accounts: [{ id: 7, name: '100KTC-V2-1-2', balance: 100_000, bracketMode: 'position' }] });
    const answer = rig.exchange.placeOrder(marketOrder(0, 1, { accountId: 7, stopLossBracket: { ticks: -10, type: 4 } }));
    expect(answer).toMatchObject({ errorCode: 2, errorMessage: 'Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.' });
    expect(answer.orderId).toBeGreaterThan(2 ** 31);
  });

  it('refuses a wrongly signed bracket with the venue message', () => {
    const rig = buildQuietExchange();
    const answer = rig.exchange.placeOrder(marketOrder(0, 1, { stopLossBracket: { ticks: 40, type: 4 } }));
    expect(answer.errorMessage).toBe('Invalid stop loss ticks (40). Ticks should be less than zero when longing.');
  });

  it('refuses a trailing stop whose distance exceeds 1000 ticks', () => {
    const rig = buildQuietExchange();
    const answer = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 5, side: 1, size: 1, trailPrice: lastPrice(rig) - 300 });
    expect(answer).toMatchObject({ errorCode: 2, errorMessage: 'Trail Distance exceeds maximum (1000)' });
  });
});
