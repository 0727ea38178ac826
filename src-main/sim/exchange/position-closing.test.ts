import { describe, expect, it } from 'vitest';
import { buildQuietExchange, combineAccount, esContract, marketOrder, orderById, positionEvents, saturdayNoon, valueOf } from './exchange-test-kit';

describe('closing positions', () => {
  it('flattens at market, pushes the flat position once and leaves the bracket working', () => {
    // Arrange
    const rig = buildQuietExchange();
    const id = rig.exchange.placeOrder(marketOrder(0, 2, { stopLossBracket: { ticks: -10, type: 4 }, takeProfitBracket: { ticks: 10, type: 1 } })).orderId ?? 0;
    rig.events.length = 0;

    // Act
    const answer = rig.exchange.closeContract({ accountId: combineAccount, contractId: esContract });

    // Assert
    expect(answer).toEqual({ errorCode: 0, errorMessage: null, value: null });
    expect(positionEvents(rig.events).map((position) => [position.type, position.size])).toEqual([[0, 0]]);
    expect(valueOf(rig.exchange.searchOpenPositions({ accountId: combineAccount }))).toEqual([]);
    expect([orderById(rig, id + 1).status, orderById(rig, id + 2).status]).toEqual([1, 1]);
  });

  it('closes part of a position', () => {
    const rig = buildQuietExchange();
    rig.exchange.placeOrder(marketOrder(1, 3));
    expect(rig.exchange.partialCloseContract({ accountId: combineAccount, contractId: esContract, size: 2 }).errorCode).toBe(0);
    expect(valueOf(rig.exchange.searchOpenPositions({ accountId: combineAccount }))[0]).toMatchObject({ type: 2, size: 1 });
  });

  it('refuses a close size beyond the position with InvalidCloseSize (5)', () => {
    const rig = buildQuietExchange();
    rig.exchange.placeOrder(marketOrder(0, 1));
    expect(rig.exchange.partialCloseContract({ accountId: combineAccount, contractId: esContract, size: 2 }).errorCode).toBe(5);
    expect(rig.exchange.partialCloseContract({ accountId: combineAccount, contractId: esContract, size: 0 }).errorCode).toBe(5);
  });

  it('answers each close endpoint with its own codes', () => {
    const rig = buildQuietExchange({
      accounts: [
        { id: 1, name: 'A', balance: 1000 },
        { id: 2, name: 'LIVE', balance: 1000, live: true },
      ],
    });
    expect(rig.exchange.closeContract({ accountId: 9, contractId: esContract }).errorCode).toBe(1);
    expect(rig.exchange.closeContract({ accountId: 1, contractId: esContract }).errorCode).toBe(2);
    expect(rig.exchange.closeContract({ accountId: 1, contractId: 'CON.F.US.XYZ.U26' }).errorCode).toBe(3);
    expect(rig.exchange.closeContract({ accountId: 1, contractId: 'CON.F.US.EP.M26' }).errorCode).toBe(4);
    expect(rig.exchange.closeContract({ accountId: 2, contractId: esContract }).errorCode).toBe(8);
    expect(rig.exchange.partialCloseContract({ accountId: 2, contractId: esContract, size: 1 }).errorCode).toBe(9);
    expect(rig.exchange.partialCloseContract({ accountId: 1, contractId: 'CON.F.US.EP.M26', size: 1 }).errorCode).toBe(4);
  });

  it('refuses closes while the market is closed: closeContract 5, partial close 6 with a null message', () => {
    // Arrange: a position opened Friday afternoon, then the weekend
    const rig = buildQuietExchange({ startMs: Date.parse('2026-08-21T20:00:00Z') });
    rig.exchange.placeOrder(marketOrder(0, 2));
    rig.clock.advanceTo(saturdayNoon);

    // Act
    const close = rig.exchange.closeContract({ accountId: combineAccount, contractId: esContract });
    const partial = rig.exchange.partialCloseContract({ accountId: combineAccount, contractId: esContract, size: 1 });

    // Assert
    expect(close).toEqual({ errorCode: 5, errorMessage: null });
    expect(partial).toEqual({ errorCode: 6, errorMessage: null });
  });
});
