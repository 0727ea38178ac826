import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestTimekeeper } from '../exchange/exchange-clock';
import { createSimExchange } from '../exchange/sim-exchange';
import type { SimExchange } from '../exchange/exchange-api';
import { buildHub, EventLog, get, login, openMarketClock, post, startTestGateway, type TestContract } from './gateway-test-kit';
import type { SimGateway } from './sim-gateway';
import { eventually } from '../../testing/eventually';

// The exchange runs on a hand-driven clock: a storm's seconds pass when the test advances them, so
// the counts below are exact and nothing depends on how fast this machine is. How fast the storm
// reaches a client in real time is measured by `npm run bench` (section sim-exchange).
let clock: TestTimekeeper;
let exchange: SimExchange;
let gateway: SimGateway;
let token: string;
let contracts: TestContract[];
const symbols = ['ES', 'NQ', 'CL', 'GC'];

beforeAll(async () => {
  clock = new TestTimekeeper(Date.parse(openMarketClock));
  exchange = createSimExchange({ seed: 7, products: symbols, historyDays: 5, timekeeper: clock });
  exchange.start();
  gateway = await startTestGateway({ rateLimits: false, exchange });
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
  exchange.stop();
});

/** Whole ticks between two prices of a contract. */
function ticksBetween(contract: TestContract, left: number, right: number): number {
  return Math.round(Math.abs(left - right) / contract.tickSize);
}

/** Moves the exchange clock in steps, letting the gateway write each step's frames. */
async function advance(milliseconds: number, step = 50): Promise<void> {
  for (let passed = 0; passed < milliseconds; passed += step) {
    clock.advance(Math.min(step, milliseconds - passed));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Waits (in real time, for the loopback socket only) until a condition holds. */
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
    const quotesBefore = log.of('GatewayQuote').length;
    const tradesBefore = log.of('GatewayTrade').length;

    const answer = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 1000, seconds: 2, symbols });
    await advance(2000);
    // 1,000 a second for 2 s: 2,000 prints, 500 on each contract, each with its quote and trade.
    await eventually(
      () => log.of('GatewayQuote').length - quotesBefore >= 2000 && log.of('GatewayTrade').length - tradesBefore >= 2000,
      'the storm at the client',
    );
    await connection.stop();

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, storm: { quotesPerSecond: 1000, seconds: 2 } });
    const quotes = log.of('GatewayQuote').slice(quotesBefore) as [string, { lastPrice?: number }][];
    expect(quotes).toHaveLength(2000);
    expect(log.of('GatewayTrade').slice(tradesBefore)).toHaveLength(2000);
    for (const contract of contracts) {
      const prices = quotes.filter(([id, quote]) => id === contract.id && quote.lastPrice !== undefined).map(([, quote]) => quote.lastPrice ?? 0);
      expect(prices).toHaveLength(500);
      const steps = prices.slice(1).map((price, index) => ticksBetween(contract, price, prices[index] ?? price));
      expect(steps.filter((step) => step === 1).length).toBeGreaterThan(prices.length * 0.95);
    }
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
    await advance(200);

    const stopped = await post(`${gateway.urls.control}/feed`, { quotesPerSecond: 0 });
    const state = (await get(`${gateway.urls.control}/state`)).json as { prices: Record<string, number> };

    expect(started.status).toBe(200);
    expect(stopped.json).toMatchObject({ ok: true, storm: { quotesPerSecond: 0, seconds: 0 } });
    expect(state.prices[contracts[0]?.id ?? '']).toBeGreaterThan(0);
  });
});
