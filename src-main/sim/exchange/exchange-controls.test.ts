import { describe, expect, it } from 'vitest';
import { buildExchange, buildQuietExchange, combineAccount, esContract, lastPrice, moveTo, orderById, saturdayNoon, valueOf } from './exchange-test-kit';

describe('exchange controls', () => {
  it('walks the market to a price and resolves when the last trade is there', async () => {
    // Arrange
    const rig = buildQuietExchange();
    const target = lastPrice(rig) + 6;

    // Act
    const answer = await moveTo(rig, target);

    // Assert
    expect(answer.errorCode).toBe(0);
    expect(lastPrice(rig)).toBe(target);
    const prints = rig.events.flatMap((event) => (event.kind === 'market-trades' ? event.trades : []));
    expect(prints.length).toBeGreaterThan(5);
    expect(prints.at(-1)?.price).toBe(target);
    expect(rig.exchange.quoteSnapshot?.(esContract)?.lastPrice).toBe(target);
  });

  it('fills resting orders on the way', async () => {
    const rig = buildQuietExchange();
    const limit = lastPrice(rig) + 2;
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 1, size: 1, limitPrice: limit }).orderId ?? 0;
    await moveTo(rig, limit + 1);
    expect(orderById(rig, id).status).toBe(2);
  });

  it('rounds an off-grid target to the nearest tick', async () => {
    const rig = buildQuietExchange();
    const target = lastPrice(rig) + 3;
    await moveTo(rig, target + 0.1);
    expect(lastPrice(rig)).toBe(target);
  });

  it('refuses to move a closed market or an unknown contract', async () => {
    const closed = buildQuietExchange({ startMs: saturdayNoon });
    expect((await closed.exchange.movePrice({ symbol: 'ES', price: 7000 })).errorCode).toBe(2);
    expect((await closed.exchange.movePrice({ contractId: 'CON.F.US.NOPE.Z26', price: 7000 })).errorCode).toBe(1);
  });

  it('supersedes a move still walking when another starts', async () => {
    const rig = buildQuietExchange();
    const first = rig.exchange.movePrice({ symbol: 'ES', price: lastPrice(rig) + 20 });
    rig.clock.advance(100);
    const second = rig.exchange.movePrice({ symbol: 'ES', price: lastPrice(rig) - 2 });
    rig.clock.advance(3000);
    expect((await first).errorCode).toBe(3);
    expect((await second).errorCode).toBe(0);
  });

  it('stands the market still while the feed is paused and continues from there on resume', () => {
    // Arrange
    const rig = buildExchange();
    rig.exchange.start();
    rig.clock.advance(1000);
    rig.exchange.setFeed({ paused: true });
    const frozen = lastPrice(rig);
    rig.events.length = 0;

    // Act
    rig.clock.advance(30_000);
    const marketEventsWhilePaused = rig.events.filter((event) => event.kind !== 'account').length;
    rig.exchange.setFeed({ paused: false });
    rig.clock.advance(5000);
    rig.exchange.stop();

    // Assert
    expect(marketEventsWhilePaused).toBe(0);
    expect(lastPrice(rig)).not.toBeNaN();
    const firstPrint = rig.events.find((event) => event.kind === 'market-trades');
    expect(firstPrint?.kind === 'market-trades' ? Math.abs((firstPrint.trades[0]?.price ?? 0) - frozen) : 99).toBeLessThanOrEqual(1);
    expect(rig.exchange.state().feed.paused).toBe(false);
  });

  it('records the feed speed and refuses a speed that is not positive', () => {
    const rig = buildQuietExchange();
    expect(rig.exchange.setFeed({ speed: 5 }).errorCode).toBe(0);
    expect(rig.exchange.state().feed.speed).toBe(5);
    expect(rig.exchange.setFeed({ speed: 0 }).errorCode).toBe(2);
  });

  it('creates and updates accounts and announces them', () => {
    const rig = buildQuietExchange();
    const created = valueOf(rig.exchange.upsertAccount({ name: 'PRAC-V2-1-9', balance: 25_000 }));
    const updated = valueOf(rig.exchange.upsertAccount({ id: created.id, name: 'PRAC-V2-1-9', balance: 24_000.5, canTrade: false }));
    expect(created).toMatchObject({ name: 'PRAC-V2-1-9', balance: 25_000, canTrade: true, isVisible: true, simulated: true });
    expect(updated).toMatchObject({ id: created.id, balance: 24_000.5, canTrade: false });
    expect(rig.events.filter((event) => event.kind === 'account')).toHaveLength(2);
    expect(rig.exchange.upsertAccount({ name: '', balance: 1 }).invalidField).toBe('name');
  });

  it('shows the whole state', () => {
    const rig = buildQuietExchange();
    rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 1, limitPrice: lastPrice(rig) - 5 });
    rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 2, side: 0, size: 1 });
    const state = rig.exchange.state();
    expect(state).toMatchObject({ clock: '2026-08-19T14:00:00.000Z', sessionOpen: true, feed: { paused: true, speed: 1 } });
    expect(state.workingOrders).toHaveLength(1);
    expect(state.positions).toHaveLength(1);
    expect(state.trades).toHaveLength(1);
    expect(Object.keys(state.prices)).toEqual([esContract]);
  });

  it('records an injected refusal as a rejected order with its id', () => {
    const rig = buildQuietExchange();
    const answer = rig.exchange.rejectOrder?.({ accountId: combineAccount, contractId: esContract, type: 2, side: 0, size: 1 }, 'Injected.');
    expect(answer).toMatchObject({ errorCode: 2, errorMessage: 'Injected.' });
    expect(orderById(rig, answer?.orderId ?? 0).status).toBe(5);
  });

  // How long a burst takes is measured by `npm run bench` (section sim-exchange), not asserted here.
  it('bursts twenty thousand market events at once for benchmarks', () => {
    const rig = buildQuietExchange();
    const emitted = rig.exchange.burst?.(esContract, 20_000);
    expect(emitted).toBe(20_000);
    expect(rig.events).toHaveLength(20_000);
  });

  it('offers a new subscriber the full quote and the book without Reset', () => {
    const rig = buildQuietExchange();
    const depth = rig.exchange.depthSnapshot?.(esContract) ?? [];
    expect(depth.some((entry) => entry.type === 6)).toBe(false);
    expect(depth.filter((entry) => entry.type === 3 || entry.type === 4)).toHaveLength(2);
    expect(rig.exchange.quoteSnapshot?.(esContract)).toMatchObject({ symbol: 'F.US.EP', symbolName: '/ES' });
    expect(rig.exchange.quoteSnapshot?.('CON.F.US.NOPE.U26')).toBeUndefined();
  });
});
