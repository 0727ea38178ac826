import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub, EventLog, get, login, post, startTestGateway, type TestContract } from './gateway-test-kit';
import type { SimGateway } from './sim-gateway';

let gateway: SimGateway;
let token: string;
let contracts: TestContract[];
const symbols = ['ES', 'NQ', 'CL', 'GC'];

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false });
  token = await login(gateway);
  const available = (await post(`${gateway.urls.rest}/api/Contract/available`, { live: false }, token)).json?.contracts as TestContract[];
  const roots: Record<string, string> = { ES: 'F.US.EP', NQ: 'F.US.ENQ', CL: 'F.US.CLE', GC: 'F.US.GCE' };
  contracts = symbols.map((symbol) => {
    const found = available.find((contract) => contract.symbolId === roots[symbol]);
    if (found === undefined) throw new Error(`no ${symbol} contract`);
    return found;
  });
});

afterAll(async () => {
  await gateway.close();
});

/** Whole ticks between two prices of a contract. */
function ticksBetween(contract: TestContract, left: number, right: number): number {
  return Math.round(Math.abs(left - right) / contract.tickSize);
}

describe('control API: quote storm', () => {
  it('sends the asked-for quote updates a second across the contracts, each a real one-tick change, through the market hub', async () => {
    const connection = buildHub(gateway.urls.marketHub, token);
    const log = new EventLog(connection, ['GatewayQuote', 'GatewayTrade']);
    await connection.start();
    for (const contract of contracts) {
      expect(await connection.invoke('SubscribeContractQuotes', contract.id)).toBe(0);
      expect(await connection.invoke('SubscribeContractTrades', contract.id)).toBe(0);
    }
    await log.next('GatewayQuote', (args) => args[0] === contracts[3]?.id);
    const before = log.of('GatewayQuote').length;

    const started = performance.now();
    const answer = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 1000, seconds: 2, symbols });
    await new Promise((resolve) => setTimeout(resolve, 2300));
    const elapsed = (performance.now() - started) / 1000;
    await connection.stop();

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, storm: { quotesPerSecond: 1000, seconds: 2 } });
    const quotes = log.of('GatewayQuote').slice(before) as [string, { lastPrice?: number }][];
    // 2,000 over the storm (a few at its edges may fall outside the window); ~250 a second per contract.
    expect(quotes.length).toBeGreaterThan(1800);
    expect(quotes.length / elapsed).toBeGreaterThan(750);
    for (const contract of contracts) {
      const prices = quotes.filter(([id, quote]) => id === contract.id && quote.lastPrice !== undefined).map(([, quote]) => quote.lastPrice ?? 0);
      expect(prices.length).toBeGreaterThan(450);
      const steps = prices.slice(1).map((price, index) => ticksBetween(contract, price, prices[index] ?? price));
      expect(steps.filter((step) => step === 1).length).toBeGreaterThan(prices.length * 0.95);
    }
    expect(log.of('GatewayTrade').length).toBeGreaterThan(1800);
  });

  it('refuses a rate beyond one quote a millisecond per contract and an unknown contract, naming the field', async () => {
    const tooFast = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 5000, symbols: ['ES'] });
    const unknown = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 100, symbols: ['XYZ'] });
    const negative = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: -1 });

    expect(tooFast.status).toBe(400);
    expect(tooFast.json).toMatchObject({ error: { field: 'quotesPerSecond' } });
    expect(unknown.json).toMatchObject({ error: { field: 'symbols' } });
    expect(negative.json).toMatchObject({ error: { field: 'quotesPerSecond' } });
  });

  it('ends a storm early with 0, and the market goes on from the storm price', async () => {
    const started = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 400, seconds: 30, symbols: ['ES'] });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const stopped = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 0 });
    const state = (await get(`${gateway.urls.control}/state`)).json as { prices: Record<string, number> };

    expect(started.status).toBe(200);
    expect(stopped.json).toMatchObject({ ok: true, storm: { quotesPerSecond: 0, seconds: 0 } });
    expect(state.prices[contracts[0]?.id ?? '']).toBeGreaterThan(0);
  });
});
