import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectHub, EventLog, field, get, moveBy as move, openSession, post, startTestGateway, type TestContract } from './gateway-test-kit';
import { recordSeparator } from './signalr-framing';
import type { SimGateway } from './sim-gateway';

let gateway: SimGateway;
let token: string;
let accountId: number;
let contractId: string;
let contract: TestContract;
let wallClock = Date.now();
const open: HubConnection[] = [];

async function fault(kind: string, seconds?: number): Promise<void> {
  const answer = await post(`${gateway.urls.control}/fault`, seconds === undefined ? { kind } : { kind, seconds });
  expect(answer.status).toBe(200);
}

function moveBy(ticks: number): Promise<number> {
  return move(gateway, contract, ticks);
}

async function placeMarket(): Promise<Record<string, unknown> | undefined> {
  return (await post(`${gateway.urls.rest}/api/Order/place`, { accountId, contractId, type: 2, side: 0, size: 1 }, token)).json;
}

async function connect(url: string, targets: string[]): Promise<{ connection: HubConnection; log: EventLog }> {
  const connection = new HubConnectionBuilder()
    .withUrl(url, { skipNegotiation: true, transport: HttpTransportType.WebSockets, accessTokenFactory: () => token })
    .withAutomaticReconnect([0, 50, 100])
    .configureLogging(LogLevel.None)
    .build();
  const log = new EventLog(connection, targets);
  await connection.start();
  open.push(connection);
  return { connection, log };
}

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false, pingIntervalMs: 50, wallClock: () => wallClock });
  ({ token, accountId, contract } = await openSession(gateway));
  contractId = contract.id;
  await post(`${gateway.urls.control}/feed`, { paused: true });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.stop()));
});

afterAll(async () => {
  await gateway.close();
});

describe('fault: drop-sockets', () => {
  it('drops every hub socket without a close message; the client reconnects with no subscriptions', async () => {
    const { connection, log } = await connect(gateway.urls.userHub, ['GatewayUserOrder']);
    await connection.invoke('SubscribeOrders', accountId);
    const reconnecting = new Promise<Error | undefined>((resolve) => connection.onreconnecting((error) => resolve(error)));
    const reconnected = new Promise<void>((resolve) => connection.onreconnected(() => resolve()));

    await fault('drop-sockets');
    const error = await reconnecting;
    await reconnected;
    const state = (await get(`${gateway.urls.control}/state`)).json as { gateway: { connections: { hub: string; subscriptions: string[] }[] } };
    await placeMarket();
    await connection.invoke('SubscribeOrders', accountId);
    const placed = await placeMarket();
    await log.next('GatewayUserOrder', ([event]) => (event as { data: { id: number } }).data.id === placed?.orderId);

    expect(error?.message).toContain('1006');
    expect(state.gateway.connections.filter((entry) => entry.hub === 'user')).toEqual([expect.objectContaining({ subscriptions: [] })]);
    expect(log.of('GatewayUserOrder').every(([event]) => (event as { data: { id: number } }).data.id === placed?.orderId)).toBe(true);
  });
});

describe('fault: freeze-feed', () => {
  it('stops market events while the socket stays open and pings continue, until unfrozen', async () => {
    const socket = new WebSocket(`${gateway.urls.marketHub.replace(/^http/, 'ws')}?access_token=${token}`);
    const records: { type: number; target?: string; arguments?: unknown[] }[] = [];
    const arrived = (): Promise<void> => new Promise((resolve) => socket.once('message', () => resolve()));
    socket.on('message', (data) => {
      for (const record of String(data).split(recordSeparator)) if (record.length > 0) records.push(JSON.parse(record) as { type: number });
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(
      `{"protocol":"json","version":1}${recordSeparator}{"type":1,"invocationId":"1","target":"SubscribeContractTrades","arguments":["${contractId}"]}${recordSeparator}`,
    );
    while (!records.some((record) => record.type === 3)) await arrived();

    await fault('freeze-feed');
    const frozenAt = records.length;
    await moveBy(3);
    while (records.slice(frozenAt).filter((record) => record.type === 6).length < 3) await arrived();
    const duringFreeze = records.slice(frozenAt).filter((record) => record.type !== 6);
    await fault('unfreeze-feed');
    const price = await moveBy(-3);
    while (!records.some((record) => record.target === 'GatewayTrade' && JSON.stringify(record.arguments).includes(`"price":${price}`))) await arrived();
    socket.terminate();

    expect(duringFreeze).toEqual([]);
    expect(socket.readyState).not.toBe(WebSocket.OPEN);
  });

  it('unfreezes on its own after the given seconds', async () => {
    await fault('freeze-feed', 2);
    const frozen = (await get(`${gateway.urls.control}/state`)).json as { gateway: { faults: { feedFrozen: boolean } } };

    wallClock += 2000;
    const thawed = (await get(`${gateway.urls.control}/state`)).json as { gateway: { faults: { feedFrozen: boolean } } };

    expect(frozen.gateway.faults.feedFrozen).toBe(true);
    expect(thawed.gateway.faults.feedFrozen).toBe(false);
  });
});

describe('fault: logout', () => {
  it('sends GatewayLogout on both hubs and keeps the connections open', async () => {
    const user = await connect(gateway.urls.userHub, ['GatewayLogout']);
    const market = await connect(gateway.urls.marketHub, ['GatewayLogout']);

    await fault('logout');
    await user.log.next('GatewayLogout');
    await market.log.next('GatewayLogout');

    expect(await user.connection.invoke('SubscribeAccounts')).toBe(0);
    expect(await market.connection.invoke('SubscribeContractTrades', contractId)).toBe(0);
  });
});

describe('fault: rate-limit', () => {
  it('answers 429 to every REST call, login included, for the given seconds', async () => {
    await fault('rate-limit', 5);

    const search = await post(`${gateway.urls.rest}/api/Account/search`, { onlyActiveAccounts: true }, token);
    const loginAttempt = await post(`${gateway.urls.rest}/api/Auth/loginKey`, { userName: 'demo', apiKey: 'demo' });
    wallClock += 5000;
    const after = await post(`${gateway.urls.rest}/api/Account/search`, { onlyActiveAccounts: true }, token);

    expect(search.status).toBe(429);
    expect(search.headers.get('retry-after')).toBe('5');
    expect(loginAttempt.status).toBe(429);
    expect(after.status).toBe(200);
  });
});

describe('fault: orders', () => {
  it('rejects the next place with code 2 and a message, still returning an orderId; the one after goes through', async () => {
    await fault('reject-next-order');

    const rejected = await placeMarket();
    const accepted = await placeMarket();
    const recorded = await post(`${gateway.urls.rest}/api/Order/searchById`, { accountId, orderId: rejected?.orderId }, token);

    expect(rejected).toMatchObject({ success: false, errorCode: 2, errorMessage: expect.any(String), orderId: expect.any(Number) });
    expect(accepted).toMatchObject({ success: true, errorCode: 0 });
    expect(recorded.json).toMatchObject({ success: true, order: { id: rejected?.orderId, status: 5 } });
  });

  it('accepts the next place but never answers it, until the client gives up', async () => {
    const before = await post(`${gateway.urls.rest}/api/Order/search`, { accountId, startTimestamp: '2000-01-01T00:00:00Z' }, token);
    await fault('timeout-next-order');

    const held = fetch(`${gateway.urls.rest}/api/Order/place`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ accountId, contractId, type: 2, side: 1, size: 1 }),
      signal: AbortSignal.timeout(300),
    });
    await expect(held).rejects.toThrow();
    const after = await post(`${gateway.urls.rest}/api/Order/search`, { accountId, startTimestamp: '2000-01-01T00:00:00Z' }, token);
    const next = await placeMarket();

    expect(field<unknown[]>(after, 'orders').length).toBe(field<unknown[]>(before, 'orders').length + 1);
    expect(next).toMatchObject({ success: true });
  });
});

describe('fault: partial-payloads', () => {
  it('sends order updates with only the changed fields and the ids', async () => {
    const { connection, log } = await connect(gateway.urls.userHub, ['GatewayUserOrder']);
    await connection.invoke('SubscribeOrders', accountId);
    await fault('partial-payloads', 30);

    const placed = await placeMarket();
    const [update] = await log.next('GatewayUserOrder', ([event]) => {
      const data = (event as { data: { id: number; status?: number } }).data;
      return data.id === placed?.orderId && data.status === 2;
    });
    wallClock += 30_000;

    expect(update).toMatchObject({ action: 1, data: { id: placed?.orderId, accountId, status: 2 } });
    expect((update as { data: object }).data).not.toHaveProperty('contractId');
    expect((update as { data: object }).data).not.toHaveProperty('side');
  });

  it('sends quotes with only the changed fields and no snapshot on subscribe', async () => {
    const connection = await connectHub(gateway.urls.marketHub, token);
    open.push(connection);
    const log = new EventLog(connection, ['GatewayQuote', 'GatewayTrade']);
    await fault('partial-payloads', 30);
    await connection.invoke('SubscribeContractQuotes', contractId);
    await connection.invoke('SubscribeContractTrades', contractId);

    const price = await moveBy(2);
    const [, quote] = await log.next('GatewayQuote', ([, data]) => (data as { lastPrice?: number }).lastPrice === price);
    wallClock += 30_000;

    // A snapshot would carry every field, symbolName included.
    for (const [, data] of log.of('GatewayQuote')) expect(data).not.toHaveProperty('symbolName');
    expect(quote).not.toHaveProperty('symbol');
  });
});
