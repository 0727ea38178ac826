import { describe, expect, it } from 'vitest';
import {
  buildExchange,
  buildQuietExchange,
  combineAccount,
  esContract,
  lastPrice,
  marketOrder,
  moveTo,
  orderById,
  orderEvents,
  positionEvents,
  tradeEvents,
  userEventLabels,
  valueOf,
} from './exchange-test-kit';

const tick = 0.25;

describe('order lifecycle', () => {
  it('announces a market order Pending then Filled, then its fill, the position and the balance', () => {
    // Arrange
    const rig = buildQuietExchange();

    // Act
    const answer = rig.exchange.placeOrder(marketOrder(0, 1, { customTag: 'entry-1' }));

    // Assert
    const id = answer.orderId ?? 0;
    expect(answer).toMatchObject({ errorCode: 0, errorMessage: null, value: id });
    expect(id).toBeGreaterThan(2 ** 31);
    expect(userEventLabels(rig.events)).toEqual([`order:${id}:6`, `order:${id}:2`, `trade:${id}`, 'position:1', 'account']);
    const [fill] = tradeEvents(rig.events);
    expect(fill).toMatchObject({
      accountId: combineAccount,
      contractId: esContract,
      profitAndLoss: null,
      fees: 1.4,
      commissions: 0,
      side: 0,
      size: 1,
      voided: false,
    });
    expect(fill?.id).toBeGreaterThan(2 ** 31);
    expect(positionEvents(rig.events)[0]).toMatchObject({ type: 1, size: 1, contractDisplayName: 'ESU26', averagePrice: fill?.price });
    expect(valueOf(rig.exchange.searchAccounts({ onlyActiveAccounts: false }))[0]?.balance).toBe(49_998.6);
  });

  it('sweeps several levels for an order bigger than the touch and reports the average', () => {
    const rig = buildQuietExchange();
    const answer = rig.exchange.placeOrder(marketOrder(1, 150));
    const fills = tradeEvents(rig.events);
    expect(fills.length).toBeGreaterThan(1);
    expect(fills.reduce((sum, fill) => sum + fill.size, 0)).toBe(150);
    const prices = fills.map((fill) => fill.price);
    expect(prices).toEqual([...prices].sort((left, right) => right - left));
    const average = fills.reduce((sum, fill) => sum + fill.price * fill.size, 0) / 150;
    expect(orderById(rig, answer.orderId ?? 0).filledPrice).toBeCloseTo(average, 6);
    expect(orderById(rig, answer.orderId ?? 0).status).toBe(2);
  });

  it('rests a limit as Open and fills it at its price only when the market trades through', async () => {
    // Arrange
    const rig = buildQuietExchange();
    const start = lastPrice(rig);
    const limit = start - 2;
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 2, limitPrice: limit }).orderId ?? 0;

    // Act
    await moveTo(rig, limit);
    const afterTouch = orderById(rig, id).status;
    await moveTo(rig, limit - tick);

    // Assert
    expect(
      orderEvents(rig.events)
        .slice(0, 2)
        .map((order) => order.status),
    ).toEqual([6, 1]);
    expect(afterTouch).toBe(1);
    expect(orderById(rig, id)).toMatchObject({ status: 2, fillVolume: 2, filledPrice: limit });
    expect(tradeEvents(rig.events).map((fill) => fill.price)).toEqual([limit]);
  });

  it('publishes the print that trades through a limit before announcing its fill', async () => {
    const rig = buildQuietExchange();
    const limit = lastPrice(rig) + 1;
    rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 1, size: 1, limitPrice: limit });
    await moveTo(rig, limit + tick);
    const fillIndex = rig.events.findIndex((event) => event.kind === 'trade');
    const printIndex = rig.events.findIndex((event) => event.kind === 'market-trades' && event.trades.some((trade) => trade.price > limit));
    expect(printIndex).toBeGreaterThanOrEqual(0);
    expect(printIndex).toBeLessThan(fillIndex);
  });

  it('fills a marketable limit at once, at the book price or better', () => {
    const rig = buildQuietExchange();
    const limit = lastPrice(rig) + 2;
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 1, limitPrice: limit }).orderId ?? 0;
    const order = orderById(rig, id);
    expect(order.status).toBe(2);
    expect(order.filledPrice ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(limit);
  });

  it('triggers a sell stop on a trade at its price and fills it at the bid', async () => {
    const rig = buildQuietExchange();
    const stop = lastPrice(rig) - 1;
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 4, side: 1, size: 1, stopPrice: stop }).orderId ?? 0;
    await moveTo(rig, stop);
    const order = orderById(rig, id);
    expect(order.status).toBe(2);
    expect(order.filledPrice).toBe(stop);
  });

  it('turns a stop-limit into a working limit when its stop trades', async () => {
    const rig = buildQuietExchange();
    const start = lastPrice(rig);
    const id =
      rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 3, side: 0, size: 1, stopPrice: start + 1, limitPrice: start + 0.5 })
        .orderId ?? 0;
    await moveTo(rig, start + 1.5);
    expect(orderById(rig, id).status).toBe(1);
    await moveTo(rig, start + 0.25);
    expect(orderById(rig, id)).toMatchObject({ status: 2, filledPrice: start + 0.5 });
  });

  it('trails a sell stop behind new highs, reports the trail as a distance and fires on the way down', async () => {
    // Arrange
    const rig = buildQuietExchange();
    const start = lastPrice(rig);
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 5, side: 1, size: 1, trailPrice: start - 2 }).orderId ?? 0;
    const placed = orderById(rig, id);

    // Act
    await moveTo(rig, start + 3);
    const trailed = orderById(rig, id);
    await moveTo(rig, start + 0.75);

    // Assert
    expect(placed).toMatchObject({ status: 1, stopPrice: start - 2, trailDistance: 8, trailPrice: 2 });
    expect(trailed).toMatchObject({ status: 1, stopPrice: start + 1 });
    expect(orderById(rig, id).status).toBe(2);
    expect(orderById(rig, id).filledPrice ?? 0).toBeLessThanOrEqual(start + 1);
  });

  it('joins the bid with a resting buy at the best bid', () => {
    const rig = buildQuietExchange();
    const id = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 6, side: 0, size: 1 }).orderId ?? 0;
    const quote = rig.exchange.quoteSnapshot?.(esContract);
    expect(orderById(rig, id)).toMatchObject({ status: 1, type: 6, limitPrice: quote?.bestBid });
  });

  it('realizes the round trip as ticks times the tick value, less fees on both sides', async () => {
    // Arrange
    const rig = buildQuietExchange();
    rig.exchange.placeOrder(marketOrder(0, 1));
    const entry = tradeEvents(rig.events)[0]?.price ?? 0;

    // Act
    await moveTo(rig, entry + 5);
    rig.exchange.placeOrder(marketOrder(1, 1));

    // Assert
    const exit = tradeEvents(rig.events)[1];
    const ticks = ((exit?.price ?? 0) - entry) / tick;
    expect(exit?.profitAndLoss).toBe(ticks * 12.5);
    const balance = valueOf(rig.exchange.searchAccounts({ onlyActiveAccounts: true }))[0]?.balance;
    expect(balance).toBeCloseTo(50_000 + ticks * 12.5 - 2.8, 6);
    expect(positionEvents(rig.events).at(-1)).toMatchObject({ type: 0, size: 0 });
  });

  it('keeps filling resting orders from the live tape when the feed runs', () => {
    const rig = buildExchange();
    rig.exchange.start();
    const start = lastPrice(rig);
    const buy = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 0, size: 1, limitPrice: start - 1 }).orderId ?? 0;
    const sell = rig.exchange.placeOrder({ accountId: combineAccount, contractId: esContract, type: 1, side: 1, size: 1, limitPrice: start + 1 }).orderId ?? 0;
    rig.clock.advance(15 * 60_000);
    rig.exchange.stop();
    expect([orderById(rig, buy).status, orderById(rig, sell).status]).toContain(2);
  });
});
