import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, connectHub, EventLog, field, login, openSession, post, startTestGateway, type TokenForm } from './gateway-test-kit';
import type { SimGateway } from './sim-gateway';

const userTargets = ['GatewayUserAccount', 'GatewayUserOrder', 'GatewayUserPosition', 'GatewayUserTrade'];

let gateway: SimGateway;
let token: string;
let accountId: number;
let contractId: string;
const open: HubConnection[] = [];

async function connect(form: TokenForm = 'header'): Promise<{ connection: HubConnection; log: EventLog }> {
  const connection = buildHub(gateway.urls.userHub, token, form);
  const log = new EventLog(connection, userTargets);
  await connection.start();
  open.push(connection);
  return { connection, log };
}

async function placeMarket(account: number, size = 1): Promise<number> {
  const answer = await post(`${gateway.urls.rest}/api/Order/place`, { accountId: account, contractId, type: 2, side: 0, size }, token);
  expect(answer.json?.success).toBe(true);
  return Number(answer.json?.orderId);
}

async function createAccount(name: string): Promise<number> {
  const answer = await post(`${gateway.urls.control}/accounts`, { name, balance: 50_000 });
  return Number(field<{ id: number }>(answer, 'account').id);
}

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false });
  const session = await openSession(gateway);
  ({ token, accountId } = session);
  contractId = session.contract.id;
  await post(`${gateway.urls.control}/feed`, { paused: true });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.stop()));
});

afterAll(async () => {
  await gateway.close();
});

describe('user hub: connecting', () => {
  it.each<TokenForm>(['header', 'query', 'duplicate-query'])('accepts the token as %s, without negotiate', async (form) => {
    const { connection } = await connect(form);

    expect(connection.state).toBe(HubConnectionState.Connected);
  });

  it('refuses the upgrade with 401 without a token or with a foreign one', async () => {
    const statuses = await Promise.all([
      upgradeStatus(gateway.urls.userHub, {}),
      upgradeStatus(`${gateway.urls.userHub}?access_token=garbage`, {}),
      upgradeStatus(gateway.urls.userHub, { authorization: 'Bearer garbage' }),
    ]);
    const official = buildHub(gateway.urls.userHub, 'garbage', 'header');

    expect(statuses).toEqual([401, 401, 401]);
    await expect(official.start()).rejects.toThrow();
  });

  it('refuses the upgrade with 401 once the token has expired', async () => {
    let wallClock = Date.now();
    const shortLived = await startTestGateway({ tokenTtlSeconds: 60, wallClock: () => wallClock });
    try {
      const expiring = await login(shortLived);
      const before = await connectHub(shortLived.urls.userHub, expiring);
      await before.stop();

      wallClock += 61_000;

      expect(await upgradeStatus(`${shortLived.urls.userHub}?access_token=${expiring}`, {})).toBe(401);
      await expect(connectHub(shortLived.urls.userHub, expiring)).rejects.toThrow();
    } finally {
      await shortLived.close();
    }
  });
});

describe('user hub: methods', () => {
  it('answers every Subscribe and Unsubscribe with result 0', async () => {
    const { connection } = await connect();

    const results = [
      await connection.invoke('SubscribeAccounts'),
      await connection.invoke('SubscribeOrders', accountId),
      await connection.invoke('SubscribePositions', accountId),
      await connection.invoke('SubscribeTrades', accountId),
      await connection.invoke('UnsubscribeAccounts'),
      await connection.invoke('UnsubscribeOrders', accountId),
      await connection.invoke('UnsubscribePositions', accountId),
      await connection.invoke('UnsubscribeTrades', accountId),
    ];

    expect(results).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('fails a per-account subscription whose accountId is a string', async () => {
    const { connection } = await connect();

    await expect(connection.invoke('SubscribeOrders', String(accountId))).rejects.toThrow(/Error binding arguments/);
    expect(connection.state).toBe(HubConnectionState.Connected);
  });

  it('fails an unknown method with a completion error and keeps the connection', async () => {
    const { connection } = await connect();

    await expect(connection.invoke('SubscribeEverything')).rejects.toThrow(/Unknown hub method 'SubscribeEverything'/);
    expect(await connection.invoke('SubscribeAccounts')).toBe(0);
  });
});

describe('user hub: events', () => {
  it('pushes an account created through the control API as {action: 1, data}', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribeAccounts');

    const id = await createAccount('PRAC-V2-HUB-1');
    const [argument] = await log.next('GatewayUserAccount', ([event]) => (event as { data: { id: number } }).data.id === id);

    expect(argument).toEqual({ action: 1, data: { id, name: 'PRAC-V2-HUB-1', balance: 50_000, canTrade: true, isVisible: true, simulated: true } });
  });

  it('pushes a market order Pending then Filled, its trade, the position and the balance, without null fields', async () => {
    const { connection, log } = await connect();
    for (const method of ['SubscribeOrders', 'SubscribePositions', 'SubscribeTrades']) await connection.invoke(method, accountId);
    await connection.invoke('SubscribeAccounts');

    const orderId = await placeMarket(accountId);
    const [filled] = await log.next('GatewayUserOrder', ([event]) => isOrder(event, orderId, 2));
    const [trade] = await log.next('GatewayUserTrade', ([event]) => (event as { data: { orderId: number } }).data.orderId === orderId);
    const [position] = await log.next('GatewayUserPosition');
    await log.next('GatewayUserAccount', ([event]) => (event as { data: { id: number } }).data.id === accountId);

    const statuses = log
      .of('GatewayUserOrder')
      .filter(([event]) => isOrder(event, orderId))
      .map(([event]) => (event as { data: { status: number } }).data.status);
    expect(statuses[0]).toBe(6);
    expect(statuses.at(-1)).toBe(2);
    expect(filled).toMatchObject({ action: 1, data: { id: orderId, accountId, contractId, status: 2, type: 2 } });
    expect(Object.values((filled as { data: object }).data)).not.toContain(null);
    expect(trade).toMatchObject({ action: 0, data: { orderId, accountId, contractId, size: 1, side: 0 } });
    expect((trade as { data: object }).data).not.toHaveProperty('profitAndLoss');
    expect(position).toMatchObject({ action: 1, data: { accountId, contractId, type: 1 } });
  });

  it('pushes a position closing to flat as action 2 with size 0', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribePositions', accountId);
    await placeMarket(accountId);
    await log.next('GatewayUserPosition', ([event]) => (event as { data: { size: number } }).data.size > 0);

    const from = log.events.length;
    const closed = await post(`${gateway.urls.rest}/api/Position/closeContract`, { accountId, contractId }, token);
    const [flat] = await log.next('GatewayUserPosition', ([event]) => (event as { data: { size: number } }).data.size === 0, from);

    expect(closed.json?.success).toBe(true);
    expect(flat).toMatchObject({ action: 2, data: { accountId, contractId, size: 0 } });
  });

  it('sends events for every account subscribed on the connection and for no other', async () => {
    const second = await createAccount('PRAC-V2-HUB-2');
    const third = await createAccount('PRAC-V2-HUB-3');
    const { connection, log } = await connect();
    await connection.invoke('SubscribeOrders', accountId);
    await connection.invoke('SubscribeOrders', second);

    const unsubscribed = await placeMarket(third);
    const first = await placeMarket(accountId);
    const other = await placeMarket(second);
    await log.next('GatewayUserOrder', ([event]) => isOrder(event, other, 2));

    const ids = new Set(log.of('GatewayUserOrder').map(([event]) => (event as { data: { id: number } }).data.id));
    expect(ids.has(first)).toBe(true);
    expect(ids.has(other)).toBe(true);
    expect(ids.has(unsubscribed)).toBe(false);
  });

  it('stops sending after Unsubscribe', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribeOrders', accountId);
    await connection.invoke('SubscribeTrades', accountId);
    await connection.invoke('UnsubscribeOrders', accountId);

    const orderId = await placeMarket(accountId);
    await log.next('GatewayUserTrade', ([event]) => (event as { data: { orderId: number } }).data.orderId === orderId);

    expect(log.of('GatewayUserOrder')).toEqual([]);
  });

  it('keeps subscriptions per connection: a second connection of the same user hears nothing', async () => {
    const subscribed = await connect();
    const silent = await connect();
    await subscribed.connection.invoke('SubscribeOrders', accountId);

    const orderId = await placeMarket(accountId);
    await subscribed.log.next('GatewayUserOrder', ([event]) => isOrder(event, orderId, 2));

    expect(silent.log.events).toEqual([]);
  });

  it('sends the flat docs form when configured', async () => {
    const flat = await startTestGateway({ userEventForm: 'flat' });
    try {
      const session = await login(flat);
      const connection = await connectHub(flat.urls.userHub, session);
      const log = new EventLog(connection, userTargets);
      await connection.invoke('SubscribeAccounts');

      await post(`${flat.urls.control}/accounts`, { id: 4242, name: 'FLAT-1', balance: 1000, canTrade: false });
      const [argument] = await log.next('GatewayUserAccount');
      await connection.stop();

      expect(argument).toEqual({ id: 4242, name: 'FLAT-1', balance: 1000, canTrade: false, isVisible: true, simulated: true });
    } finally {
      await flat.close();
    }
  });
});

function isOrder(event: unknown, id: number, status?: number): boolean {
  const data = (event as { data?: { id?: number; status?: number } }).data;
  return data?.id === id && (status === undefined || data.status === status);
}

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.once('error', (error) => {
      if (!error.message.includes('Unexpected server response')) reject(error);
    });
  });
}
