import type { HubConnection } from '@microsoft/signalr';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, EventLog, moveBy as move, openSession, post, startTestGateway, type TestContract } from './gateway-test-kit';
import type { SimGateway } from './sim-gateway';

const marketTargets = ['GatewayQuote', 'GatewayTrade', 'GatewayDepth'];

let gateway: SimGateway;
let token: string;
let contractId: string;
let symbolId: string;
let contract: TestContract;
const open: HubConnection[] = [];

async function connect(): Promise<{ connection: HubConnection; log: EventLog }> {
  const connection = buildHub(gateway.urls.marketHub, token);
  const log = new EventLog(connection, marketTargets);
  await connection.start();
  open.push(connection);
  return { connection, log };
}

function moveBy(ticks: number): Promise<number> {
  return move(gateway, contract, ticks);
}

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false });
  ({ token, contract } = await openSession(gateway));
  ({ id: contractId, symbolId } = contract);
  await post(`${gateway.urls.control}/feed`, { paused: true });
  await moveBy(2);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.stop()));
});

afterAll(async () => {
  await gateway.close();
});

describe('market hub: quotes', () => {
  it('sends a full snapshot first, keyed by contractId, whose symbol is the symbolId', async () => {
    const { connection, log } = await connect();

    expect(await connection.invoke('SubscribeContractQuotes', contractId)).toBe(0);
    const [id, quote] = await log.next('GatewayQuote');

    expect(id).toBe(contractId);
    expect(quote).toMatchObject({ symbol: symbolId, lastPrice: expect.any(Number), bestBid: expect.any(Number), bestAsk: expect.any(Number) });
    for (const field of ['symbolName', 'change', 'changePercent', 'open', 'high', 'low', 'volume', 'lastUpdated', 'timestamp'])
      expect(quote).toHaveProperty(field);
  });

  it('then sends deltas: changed fields plus symbol, lastUpdated and timestamp', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribeContractQuotes', contractId);
    await log.next('GatewayQuote');

    const price = await moveBy(3);
    const [, delta] = await log.next('GatewayQuote', ([, quote]) => (quote as { lastPrice?: number }).lastPrice === price);

    expect(delta).toMatchObject({ symbol: symbolId, lastUpdated: expect.any(String), timestamp: expect.any(String) });
    expect(delta).not.toHaveProperty('symbolName');
  });

  it('refuses a contract the exchange does not know, and a contractId that is not a string', async () => {
    const { connection } = await connect();

    await expect(connection.invoke('SubscribeContractQuotes', 'CON.F.US.NOPE.Z26')).rejects.toThrow(/not found/);
    await expect(connection.invoke('SubscribeContractQuotes', 42)).rejects.toThrow(/Error binding arguments/);
  });

  it('stops sending after Unsubscribe', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribeContractQuotes', contractId);
    await connection.invoke('SubscribeContractTrades', contractId);
    await log.next('GatewayQuote');
    expect(await connection.invoke('UnsubscribeContractQuotes', contractId)).toBe(0);
    const quotes = log.of('GatewayQuote').length;

    const price = await moveBy(-2);
    await log.next('GatewayTrade', ([, trades]) => (trades as { price: number }[]).some((trade) => trade.price === price));

    expect(log.of('GatewayQuote').length).toBe(quotes);
  });
});

describe('market hub: trades and depth', () => {
  it('sends trades as an array of prints of the contract', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribeContractTrades', contractId);

    const price = await moveBy(2);
    const [id, trades] = await log.next('GatewayTrade', ([, prints]) => (prints as { price: number }[]).some((trade) => trade.price === price));

    expect(id).toBe(contractId);
    expect(Array.isArray(trades)).toBe(true);
    expect((trades as unknown[])[0]).toMatchObject({
      symbolId,
      price: expect.any(Number),
      timestamp: expect.any(String),
      type: expect.any(Number),
      volume: expect.any(Number),
    });
  });

  it('sends a Reset entry first, then the book, then updates, each as an array', async () => {
    const { connection, log } = await connect();
    await connection.invoke('SubscribeContractMarketDepth', contractId);

    const [resetId, reset] = await log.next('GatewayDepth');
    const [, book] = await log.next('GatewayDepth', () => true, 1);
    // A paused feed moves only prints; the running feed updates the book.
    const from = log.events.length;
    await post(`${gateway.urls.control}/feed`, { paused: false });
    const [, update] = await log.next('GatewayDepth', () => true, from);
    await post(`${gateway.urls.control}/feed`, { paused: true });

    expect(resetId).toBe(contractId);
    expect(reset).toEqual([{ timestamp: expect.any(String), type: 6, price: 0, volume: 0, currentVolume: 0 }]);
    expect((book as unknown[]).length).toBeGreaterThan(0);
    expect((book as unknown[])[0]).toMatchObject({ type: expect.any(Number), price: expect.any(Number), volume: expect.any(Number) });
    expect(Array.isArray(update)).toBe(true);
  });

  it('delivers one contract event to every subscribed connection', async () => {
    const first = await connect();
    const second = await connect();
    await first.connection.invoke('SubscribeContractTrades', contractId);
    await second.connection.invoke('SubscribeContractTrades', contractId);

    const price = await moveBy(-1);
    const match = ([, prints]: unknown[]): boolean => (prints as { price: number }[]).some((trade) => trade.price === price);

    await expect(first.log.next('GatewayTrade', match)).resolves.toBeDefined();
    await expect(second.log.next('GatewayTrade', match)).resolves.toBeDefined();
  });
});
