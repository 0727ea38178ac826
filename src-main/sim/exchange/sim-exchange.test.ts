import { describe, expect, it } from 'vitest';
import { valueOf } from './exchange-test-kit';
import { createSimExchange } from './sim-exchange';

describe('createSimExchange', () => {
  it('works with no options: fourteen contracts, three accounts, the clock at now', () => {
    // Arrange
    const before = Date.now();

    // Act
    const exchange = createSimExchange({});
    exchange.start();
    exchange.stop();

    // Assert
    expect(exchange.now()).toBeGreaterThanOrEqual(before);
    expect(exchange.now()).toBeLessThan(Date.now() + 1000);
    expect(valueOf(exchange.availableContracts({ live: false }))).toHaveLength(14);
    expect(valueOf(exchange.searchAccounts({ onlyActiveAccounts: true }))).toHaveLength(3);
  });

  it('starts the clock at an ISO instant and runs it at the chosen speed', () => {
    const exchange = createSimExchange({ clockStart: '2026-08-19T14:00:00Z', speed: 2, products: ['MES'] });
    expect(exchange.now() - Date.parse('2026-08-19T14:00:00Z')).toBeLessThan(5000);
    expect(exchange.state().feed.speed).toBe(2);
    expect(valueOf(exchange.searchContracts({ searchText: 'MES', live: false })).map((contract) => contract.id)).toEqual(['CON.F.US.MES.U26']);
  });

  it('refuses a clock start that is not a date', () => {
    expect(() => createSimExchange({ clockStart: 'soon' })).toThrow(RangeError);
  });

  it('gives the same market for the same seed', () => {
    const first = createSimExchange({ clockStart: '2026-08-19T14:00:00Z', seed: 9, products: ['NQ'], historyDays: 5 });
    const second = createSimExchange({ clockStart: '2026-08-19T14:00:00Z', seed: 9, products: ['NQ'], historyDays: 5 });
    const bars = (exchange: typeof first): unknown =>
      exchange.retrieveBars({
        contractId: 'CON.F.US.ENQ.U26',
        live: false,
        startTime: '2026-08-18T00:00:00Z',
        endTime: '2026-08-19T00:00:00Z',
        unit: 3,
        unitNumber: 1,
        limit: 30,
        includePartialBar: false,
      });
    expect(bars(first)).toEqual(bars(second));
  });
});
