import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerOrderRequest } from '../../core/ports/broker-port';
import { eventually } from '../../testing/eventually';
import { esContract, practiceAccount, SimSession } from './testing/sim-harness';

let session: SimSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A started adapter watching the practice account and the ES contract, with a first quote in. */
async function running(overrides = {}): Promise<SimSession> {
  session = await SimSession.open(overrides);
  session.broker.watchAccount(practiceAccount);
  const started = await session.broker.start();
  if (!started.ok) throw new Error(started.error.message);
  session.broker.watchMarket(esContract);
  await session.next('quote', (event) => event.quote.contractId === esContract, 0);
  return session;
}

/** A buy limit far below the market: it rests. */
async function restingBuy(sim: SimSession, customTag: string): Promise<BrokerOrderRequest> {
  const price = (await sim.state()).prices[esContract] ?? 0;
  return { accountId: practiceAccount, contractId: esContract, type: 'limit', side: 'buy', size: 1, limitTicks: Math.round(price / 0.25) - 200, customTag };
}

function tagged(orders: readonly { readonly customTag: string | null }[], customTag: string): number {
  return orders.filter((order) => order.customTag === customTag).length;
}

describe('ProjectX adapter against the simulator', () => {
  it('starts, reconciles the watched account and streams quotes, prints and depth', async () => {
    const sim = await running();

    await sim.next('tape', (event) => event.contractId === esContract, 0);
    await sim.next('depth', (event) => event.contractId === esContract, 0);

    expect(sim.all('reconciled')).toEqual([
      { kind: 'reconciled', snapshot: expect.objectContaining({ accountId: practiceAccount, orders: [], positions: [] }) },
    ]);
    expect(sim.broker.diagnostics().channels).toMatchObject({ rest: { state: 'live' }, 'user-hub': { state: 'live' }, 'market-hub': { state: 'live' } });
    const subscriptions = (await sim.state()).gateway.connections.flatMap((connection) => connection.subscriptions);
    expect(subscriptions).toEqual(expect.arrayContaining([`orders:${practiceAccount}`, `quotes:${esContract}`, `depth:${esContract}`]));
  });

  it('places a bracketed market order and ends with the broker’s position and open children', async () => {
    const sim = await running();

    const placed = await sim.broker.placeOrder(
      {
        accountId: practiceAccount,
        contractId: esContract,
        type: 'market',
        side: 'buy',
        size: 1,
        stopLossTicks: 40,
        takeProfitTicks: 80,
        customTag: 'bracket-1',
      },
      'normal',
    );
    await sim.next('position', (event) => event.position.size === 1, 0);
    await eventually(
      () => sim.all('order').filter((event) => event.order.parentOrderId !== null && event.order.status === 'open').length === 2,
      'both children open',
      5_000,
    );

    expect(placed.ok).toBe(true);
    const state = await sim.state();
    expect(state.positions).toEqual([expect.objectContaining({ accountId: practiceAccount, contractId: esContract, size: 1 })]);
    expect(state.workingOrders.map((order) => order.customTag).sort()).toEqual(['bracket-1-SL', 'bracket-1-TP']);
  });

  it('drop-sockets: both hubs reconnect, replay their subscriptions and reconcile what the gap hid', async () => {
    const sim = await running({ reconnectDelaysMs: [400, 400, 1_000] });
    const mark = sim.events.length;

    await sim.fault('drop-sockets');
    await sim.next('link', (event) => event.channel === 'user-hub' && event.state === 'reconnecting', mark);
    // Placed while the user hub is down: its events are lost, reconciliation must bring the order back.
    const request = await restingBuy(sim, 'gap-1');
    const placed = await sim.broker.placeOrder(request, 'normal');
    const reconciled = await sim.next('reconciled', (event) => event.snapshot.orders.some((order) => order.customTag === 'gap-1'), mark);
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'live', mark);
    const quoteAfter = sim.events.length;
    await sim.next('quote', () => true, quoteAfter);

    expect(placed.ok && reconciled.snapshot.orders.find((order) => order.customTag === 'gap-1')?.id).toBe(placed.ok ? placed.value.orderId : -1);
    const subscriptions = (await sim.state()).gateway.connections.flatMap((connection) => connection.subscriptions);
    expect(subscriptions).toEqual(
      expect.arrayContaining([
        'accounts',
        `orders:${practiceAccount}`,
        `positions:${practiceAccount}`,
        `trades:${practiceAccount}`,
        `quotes:${esContract}`,
        `trades:${esContract}`,
        `depth:${esContract}`,
      ]),
    );
    expect(await sim.ordersTagged(practiceAccount, 'gap-1')).toHaveLength(1);
  });

  it('reconnect on demand (wake from sleep): both hubs reopen, replay their subscriptions and reconcile', async () => {
    const sim = await running();
    const mark = sim.events.length;

    await sim.broker.reconnect?.('woke from sleep');
    await sim.next('link', (event) => event.channel === 'user-hub' && event.state === 'reconnecting', mark);
    await sim.next('reconciled', (event) => event.snapshot.accountId === practiceAccount, mark);
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'live', mark);
    const quoteAfter = sim.events.length;
    await sim.next('quote', () => true, quoteAfter);

    const subscriptions = (await sim.state()).gateway.connections.flatMap((connection) => connection.subscriptions);
    expect(subscriptions).toEqual(expect.arrayContaining([`orders:${practiceAccount}`, `quotes:${esContract}`]));
  });

  it('freeze-feed: the watchdog reports stale, resubscribes, then reconnects; events flow again after the thaw', async () => {
    const sim = await running();
    const mark = sim.events.length;

    await sim.fault('freeze-feed');
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'stale', mark, 4_000);
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'reconnecting', mark, 6_000);
    await sim.fault('unfreeze-feed');
    const thawed = sim.events.length;
    await sim.next('quote', () => true, thawed, 4_000);
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'live', thawed, 4_000);

    expect(sim.broker.diagnostics().channels['market-hub'].state).toBe('live');
    expect(sim.logger.at('warn').map((line) => line.message)).toContain('market feed is silent; resubscribing');
  });

  it('logout: GatewayLogout is logged and the token validated, and the hubs stay up while events flow', async () => {
    const sim = await running();
    const mark = sim.events.length;

    await sim.fault('logout');
    await eventually(
      () => sim.logger.lines.filter((line) => line.message === 'GatewayLogout received; validating the token').length === 2,
      'logout seen on both hubs',
      3_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const afterGrace = sim.events.length;
    await sim.next('quote', () => true, afterGrace);

    expect(sim.all('link', mark).filter((event) => event.state !== 'live')).toEqual([]);
    expect(sim.broker.diagnostics().channels['user-hub'].state).toBe('live');
  });

  it('rate-limit: calls wait out the broker’s 429s and then succeed', async () => {
    const sim = await running();

    await sim.fault('rate-limit', 1);
    const started = Date.now();
    const accounts = await sim.broker.accounts();

    expect(accounts.ok && accounts.value.map((account) => account.id)).toContain(practiceAccount);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(sim.logger.at('warn').map((line) => line.message)).toContain('broker answered 429; backing off');
  });

  it('reject-next-order: the place fails with the broker’s message and the rejected order still shows up', async () => {
    const sim = await running();

    await sim.fault('reject-next-order');
    const refused = await sim.broker.placeOrder(await restingBuy(sim, 'reject-2'), 'normal');
    const shown = await sim.next('order', (event) => event.order.customTag === 'reject-2' && event.order.status === 'rejected', 0);

    expect(refused).toMatchObject({ ok: false, error: { code: 'broker-rejected', message: expect.stringContaining('injected fault') } });
    expect(shown.order.id).toBeGreaterThan(2 ** 31);
    expect(tagged((await sim.state()).workingOrders, 'reject-2')).toBe(0);
  });

  it('timeout-next-order: the unanswered place is found by customTag and never placed twice', async () => {
    const sim = await running();

    await sim.fault('timeout-next-order');
    const placed = await sim.broker.placeOrder(await restingBuy(sim, 'held-1'), 'priority');

    const state = await sim.state();
    const everyOrderWithTheTag = await sim.ordersTagged(practiceAccount, 'held-1');
    expect(placed.ok).toBe(true);
    expect(everyOrderWithTheTag).toHaveLength(1);
    expect(tagged(state.workingOrders, 'held-1')).toBe(1);
    expect(state.workingOrders.find((order) => order.customTag === 'held-1')?.id).toBe(placed.ok ? placed.value.orderId : -1);
    expect(sim.logger.at('warn').map((line) => line.message)).toContain('Order/place outcome unknown; looking the order up by customTag');
  });

  it('partial-payloads: partial quotes and order updates still become whole views equal to the broker’s', async () => {
    const sim = await running();
    await sim.fault('partial-payloads', 5);
    const mark = sim.events.length;

    const placed = await sim.broker.placeOrder(await restingBuy(sim, 'partial-1'), 'normal');
    if (!placed.ok) throw new Error(placed.error.message);
    await sim.next('order', (event) => event.order.id === placed.value.orderId && event.order.status === 'open', mark);
    const before = (await sim.state()).workingOrders.find((order) => order.id === placed.value.orderId);
    const newTicks = Math.round((before?.limitPrice ?? 0) / 0.25) - 4;
    const modified = await sim.broker.modifyOrder({ accountId: practiceAccount, orderId: placed.value.orderId, limitTicks: newTicks }, 'normal');
    const moved = await sim.next('order', (event) => event.order.id === placed.value.orderId && event.order.limitTicks === newTicks, mark);
    await sim.next('quote', () => true, mark);
    const quotes = sim.all('quote', mark);

    expect(modified.ok).toBe(true);
    expect(sim.logger.at('warn').filter((line) => line.message.startsWith('skipped'))).toEqual([]);
    expect(moved.order).toMatchObject({ customTag: 'partial-1', side: 'buy', type: 'limit', size: 1, status: 'open' });
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((event) => event.quote.bidTicks !== null && event.quote.askTicks !== null)).toBe(true);
    const snapshot = await sim.broker.snapshot(practiceAccount, Date.parse('2026-11-18T00:00:00Z'));
    expect(snapshot.ok && snapshot.value.orders.find((order) => order.id === placed.value.orderId)).toMatchObject({
      limitTicks: newTicks,
      customTag: 'partial-1',
    });
  });

  it('cancels and flattens so that the adapter’s view converges with the broker’s', async () => {
    const sim = await running();
    const resting = await sim.broker.placeOrder(await restingBuy(sim, 'cancel-1'), 'normal');
    const entry = await sim.broker.placeOrder(
      { accountId: practiceAccount, contractId: esContract, type: 'market', side: 'sell', size: 2, customTag: 'short-1' },
      'normal',
    );
    await sim.next('position', (event) => event.position.size === -2, 0);

    const cancelled = resting.ok ? await sim.broker.cancelOrder(practiceAccount, resting.value.orderId, 'priority') : resting;
    const closed = await sim.broker.closePosition(practiceAccount, esContract, undefined, 'priority');
    await sim.next('position', (event) => event.position.size === 0, 0);
    await sim.next('order', (event) => event.order.customTag === 'cancel-1' && event.order.status === 'cancelled', 0);

    expect([entry.ok, cancelled.ok, closed.ok]).toEqual([true, true, true]);
    const state = await sim.state();
    expect(state.positions.filter((position) => position.size !== 0)).toEqual([]);
    expect(state.workingOrders).toEqual([]);
  });

  it('restarts the hubs with backoff after SignalR gives up, logging in again when the server no longer knows the token', async () => {
    const sim = await running({ reconnectDelaysMs: [0, 200] });
    const mark = sim.events.length;

    await sim.restartGateway(1_200);
    const back = sim.events.length;
    await sim.next('link', (event) => event.channel === 'user-hub' && event.state === 'live', back, 8_000);
    await sim.next('reconciled', () => true, back, 5_000);
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'live', mark, 5_000);
    await sim.next('quote', () => true, back, 5_000);

    expect(sim.logger.at('warn').map((line) => line.message)).toContain('hub restart failed');
    expect(sim.logger.lines.filter((line) => line.message === 'logged in to the broker').length).toBeGreaterThanOrEqual(2);
    expect(sim.logger.text()).not.toMatch(/eyJ[\w-]{10,}/);
    const subscriptions = (await sim.state()).gateway.connections.flatMap((connection) => connection.subscriptions);
    expect(subscriptions).toEqual(expect.arrayContaining([`orders:${practiceAccount}`, `quotes:${esContract}`]));
  });

  it('stops cleanly: no socket stays open and later calls are refused', async () => {
    const sim = await running();

    await sim.broker.stop();
    await eventually(async () => (await sim.state()).gateway.connections.length === 0, 'sockets closed', 3_000);
    const afterStop = await sim.broker.start();

    expect(afterStop).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
