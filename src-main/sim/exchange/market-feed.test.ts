import { describe, expect, it } from 'vitest';
import type { DepthEntryModel } from './exchange-api';
import { buildExchange, esContract, lastPrice, saturdayNoon } from './exchange-test-kit';

describe('market feed', () => {
  it('sends a Reset and the whole book first, then only changes', () => {
    // Arrange
    const rig = buildExchange();

    // Act
    rig.exchange.start();
    rig.clock.advance(10_000);
    rig.exchange.stop();

    // Assert
    const depth = rig.events.flatMap((event) => (event.kind === 'depth' ? [event.entries] : []));
    const [first, ...rest] = depth;
    expect(first?.[0]?.type).toBe(6);
    expect(first?.filter((entry: DepthEntryModel) => entry.type === 1 || entry.type === 3)).toHaveLength(10);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((entries) => entries.every((entry) => entry.type !== 6))).toBe(true);
  });

  it('sends quotes keyed by symbol id with the bid below the ask', () => {
    const rig = buildExchange();
    rig.exchange.start();
    rig.clock.advance(5000);
    rig.exchange.stop();
    const quotes = rig.events.flatMap((event) => (event.kind === 'quote' ? [event] : []));
    expect(quotes.length).toBeGreaterThan(3);
    for (const { contractId, quote } of quotes) {
      expect(contractId).toBe(esContract);
      expect(quote.symbol).toBe('F.US.EP');
      expect(quote.bestBid).toBeLessThan(quote.bestAsk);
      expect([quote.bestBid, quote.bestAsk]).toContain(quote.lastPrice);
    }
  });

  it('prints trades on the tick grid with aggressor and size', () => {
    const rig = buildExchange({ products: ['CL'] });
    rig.exchange.start();
    rig.clock.advance(20_000);
    rig.exchange.stop();
    const prints = rig.events.flatMap((event) => (event.kind === 'market-trades' ? event.trades : []));
    expect(prints.length).toBeGreaterThan(5);
    for (const print of prints) {
      expect(Math.abs(print.price * 100 - Math.round(print.price * 100))).toBeLessThan(1e-6);
      expect([0, 1]).toContain(print.type);
      expect(print.volume).toBeGreaterThan(0);
      expect(print.symbolId).toBe('F.US.CLE');
    }
  });

  it('is silent while the market is closed', () => {
    const rig = buildExchange({ startMs: saturdayNoon });
    rig.exchange.start();
    rig.clock.advance(60_000);
    rig.exchange.stop();
    expect(rig.events).toEqual([]);
  });

  it('wakes up at the Sunday open', () => {
    const rig = buildExchange({ startMs: Date.parse('2026-08-23T21:59:50Z') });
    rig.exchange.start();
    rig.clock.advance(20_000);
    rig.exchange.stop();
    expect(rig.events.some((event) => event.kind === 'market-trades')).toBe(true);
  });

  it('catches up after a long jump without replaying the gap and stays on the tape', () => {
    // Arrange
    const rig = buildExchange();
    rig.exchange.start();
    rig.exchange.stop();
    rig.events.length = 0;

    // Act
    rig.clock.advance(3 * 3_600_000);
    const price = lastPrice(rig);

    // Assert
    const [bar] =
      rig.exchange.retrieveBars({
        contractId: esContract,
        live: false,
        startTime: '2026-08-19T16:59:00Z',
        endTime: '2026-08-19T17:00:00Z',
        unit: 1,
        unitNumber: 1,
        limit: 1,
        includePartialBar: true,
      }).value ?? [];
    expect(bar?.c).toBe(price);
    expect(rig.events.filter((event) => event.kind === 'market-trades').length).toBeLessThan(20);
  });
});
