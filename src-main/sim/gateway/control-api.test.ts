import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectHub, field, get, openSession, post, priceAway, startTestGateway, type TestContract } from './gateway-test-kit';
import type { SimGateway } from './sim-gateway';

let gateway: SimGateway;
let token: string;
let contractId: string;
let contract: TestContract;

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false });
  ({ token, contract } = await openSession(gateway));
  contractId = contract.id;
});

afterAll(async () => {
  await gateway.close();
});

interface State {
  prices: Record<string, number>;
  feed: { paused: boolean; speed: number };
  accounts: { id: number; name: string; balance: number; canTrade: boolean }[];
  gateway: { connections: { hub: string; subscriptions: string[] }[]; faults: Record<string, unknown> };
}

async function state(): Promise<State> {
  return (await get(`${gateway.urls.control}/state`)).json as unknown as State;
}

describe('control API', () => {
  it('moves the price and answers once the last trade is there', async () => {
    // Paused, so the market's own next print cannot land between the answer and the read.
    await post(`${gateway.urls.control}/feed`, { paused: true });
    const price = await priceAway(gateway, contract, 4);

    const answer = await post(`${gateway.urls.control}/price`, { contractId, price });

    expect(answer.status).toBe(200);
    expect((await state()).prices[contractId]).toBe(price);
  });

  it('pauses, resumes and speeds up the feed', async () => {
    const paused = await post(`${gateway.urls.control}/feed`, { paused: true });
    const faster = await post(`${gateway.urls.control}/feed`, { paused: false, speed: 4 });

    expect(paused.json).toMatchObject({ ok: true, feed: { paused: true } });
    expect(faster.json).toMatchObject({ ok: true, feed: { paused: false, speed: 4 } });
    await post(`${gateway.urls.control}/feed`, { paused: true, speed: 1 });
  });

  it('creates an account and then updates it by id', async () => {
    const created = await post(`${gateway.urls.control}/accounts`, { name: 'PRAC-V2-CONTROL', balance: 25_000 });
    const id = field<{ id: number }>(created, 'account').id;

    const updated = await post(`${gateway.urls.control}/accounts`, { id, name: 'PRAC-V2-CONTROL', balance: 24_500, canTrade: false });

    expect(updated.json).toMatchObject({ ok: true, account: { id, balance: 24_500, canTrade: false } });
    expect((await state()).accounts).toContainEqual(expect.objectContaining({ id, balance: 24_500, canTrade: false }));
  });

  it('shows the exchange state with the gateway connections, subscriptions and faults', async () => {
    const connection = await connectHub(gateway.urls.userHub, token);
    await connection.invoke('SubscribeAccounts');

    const shown = await state();
    await connection.stop();

    expect(shown).toMatchObject({ clock: expect.any(String), sessionOpen: expect.any(Boolean), prices: expect.any(Object) });
    expect(shown.gateway.connections).toContainEqual(expect.objectContaining({ hub: 'user', subscriptions: ['accounts'] }));
    expect(shown.gateway.faults).toMatchObject({ feedFrozen: false, rateLimitedSeconds: 0 });
  });
});

describe('control API: validation', () => {
  it('answers 400 naming the field for an unknown fault kind', async () => {
    const answer = await post(`${gateway.urls.control}/fault`, { kind: 'meteor' });

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { field: 'kind', message: expect.any(String) } });
  });

  it.each([
    ['/price', { contractId: 'x' }, 'price'],
    ['/price', { price: 5 }, 'contractId'],
    ['/feed', { speed: -1 }, 'speed'],
    ['/feed', { pause: true }, 'pause'],
    ['/accounts', { name: '', balance: 1 }, 'name'],
    ['/accounts', { name: 'A', balance: 'lots' }, 'balance'],
    ['/fault', { kind: 'rate-limit', seconds: 0 }, 'seconds'],
  ])('answers 400 for %s %j naming %s', async (path, body, field) => {
    const answer = await post(`${gateway.urls.control}${path}`, body);

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { field } });
  });

  it('answers 400 to a body that is not JSON, 404 to an unknown path and 405 to a wrong method', async () => {
    const garbage = await post(`${gateway.urls.control}/feed`, '{paused');
    const unknown = await post(`${gateway.urls.control}/weather`, {});
    const wrongMethod = await get(`${gateway.urls.control}/price`);

    expect(garbage.status).toBe(400);
    expect(garbage.json).toMatchObject({ error: { field: 'body' } });
    expect(unknown.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
  });

  it('refuses a request whose Host or Origin is not loopback', async () => {
    const foreignHost = await rawStatus({ host: 'evil.example:80' });
    const foreignOrigin = await rawStatus({ origin: 'https://evil.example' });
    const loopbackOrigin = await rawStatus({ origin: `http://localhost:${gateway.port}` });

    expect(foreignHost).toBe(403);
    expect(foreignOrigin).toBe(403);
    expect(loopbackOrigin).toBe(200);
  });
});

function rawStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: gateway.port, path: '/sim/state', method: 'GET', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
