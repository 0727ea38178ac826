import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../core/ports/broker-port';
import { LastPrices } from '../state/last-prices';
import { ThrottledWarn } from '../support/throttled-warn';
import { FakeHub } from '../testing/fake-hub';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { disposeParts, stubParts } from '../testing/stub-broker';
import { envelope, StubGateway, testToken } from '../testing/stub-gateway';
import { MarketStream } from './market-stream';
import { eventually } from '../../../testing/eventually';

const known = ['CON.F.US.EP.M25', 'CON.F.US.MNQ.U26'];
let stub: StubGateway | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  cleanup?.();
  await stub?.close();
  stub = undefined;
});

async function setUp() {
  stub = await StubGateway.start((request) => {
    const contractId = (request.body as { contractId?: string } | undefined)?.contractId ?? '';
    if (request.path === '/api/Auth/loginKey') return envelope({ token: testToken('t', Date.now() + 86_400_000) });
    if (request.path === '/api/Contract/searchById' && known.includes(contractId))
      return envelope({ contract: { id: contractId, name: 'X', description: '', tickSize: 0.25, tickValue: 12.5, activeContract: true, symbolId: 'F.US.EP' } });
    return envelope({ contract: null }, 1);
  });
  const { parts, logger } = stubParts(stub.url);
  cleanup = () => disposeParts(parts);
  const hub = new FakeHub();
  const events: BrokerEvent[] = [];
  const lastPrices = new LastPrices(parts.timers);
  const stream = new MarketStream({
    link: hub,
    contracts: parts.contracts,
    lastPrices,
    emit: (event) => events.push(event),
    warn: new ThrottledWarn(logger, { now: () => Date.now() }, 0),
    clock: { now: () => Date.now() },
    logger,
  });
  stream.register();
  return { hub, stream, events, lastPrices, logger, contracts: parts.contracts };
}

describe('market stream', () => {
  it('waits for an unknown contract, then merges quote deltas in arrival order', async () => {
    const { hub, events, lastPrices } = await setUp();
    const [contractId, full] = loadFixtureArray('hub-market-quote-args-1.json');
    const [, delta] = loadFixtureArray('hub-market-quote-args-2.json');

    hub.fire('GatewayQuote', contractId, full);
    hub.fire('GatewayQuote', contractId, { ...(delta as object), bestAsk: 6002.5 });
    await eventually(() => events.length === 2, 'two quote events', 2_000);

    expect(events.map((event) => event.kind === 'quote' && [event.quote.bidTicks, event.quote.askTicks, event.quote.lastTicks])).toEqual([
      [24008, 24009, 24009],
      [24008, 24010, 24009],
    ]);
    expect(lastPrices.get('CON.F.US.EP.M25')).toBe(24009);
  });

  it('emits tape batches and depth changes, skipping nulls, and tracks the last print', async () => {
    const { hub, events, lastPrices, contracts } = await setUp();
    await contracts.get('CON.F.US.MNQ.U26');
    await contracts.get('CON.F.US.EP.M25');
    const prints = loadFixtureObject('hub-market-trade-1.json');

    hub.fire('GatewayTrade', prints.contractId, prints.payload);
    hub.fire('GatewayDepth', ...loadFixtureArray('hub-market-depth-args-1.json'));
    hub.fire('GatewayDepth', ...loadFixtureArray('hub-market-depth-args-3.json'));

    expect(events.map((event) => event.kind)).toEqual(['tape', 'depth', 'depth']);
    expect(events[0]?.kind === 'tape' && events[0].trades).toHaveLength(15);
    expect(events[1]).toEqual({ kind: 'depth', contractId: 'CON.F.US.EP.M25', reset: true, levels: [] });
    expect(events[2]).toEqual({ kind: 'depth', contractId: 'CON.F.US.EP.M25', reset: false, levels: [{ side: 'ask', priceTicks: 24010, size: 38 }] });
    expect(lastPrices.get('CON.F.US.MNQ.U26')).toBe(113780);
  });

  it('logs and skips payloads without a contract id, of unknown contracts, or off the grid', async () => {
    const { hub, events, logger, contracts } = await setUp();
    await contracts.get('CON.F.US.EP.M25');

    hub.fire('GatewayQuote', 42, {});
    hub.fire('GatewayQuote', 'CON.F.US.EP.M25', { bestBid: 6002.1 });
    hub.fire('GatewayTrade', 'CON.F.US.ZZ.Z99', [{ price: 1, type: 0, volume: 1 }]);
    await eventually(() => logger.at('warn').length >= 3, 'three warnings', 2_000);

    expect(events).toEqual([]);
    expect(logger.at('warn').map((line) => line.fields.event)).toEqual(expect.arrayContaining(['GatewayQuote', 'GatewayTrade']));
  });

  it('subscribes quotes, prints and depth when watching, and keeps a borrowed quote subscription until it is returned', async () => {
    const { hub, stream } = await setUp();

    await stream.watch('CON.F.US.EP.M25');
    const release = stream.borrowQuotes('CON.F.US.MNQ.U26');
    await eventually(() => hub.subscribed.length === 4, 'four subscriptions', 2_000);
    release();
    await stream.unwatch('CON.F.US.EP.M25');

    expect(hub.subscribed.map((subscription) => subscription.subscribe)).toEqual([
      'SubscribeContractQuotes',
      'SubscribeContractTrades',
      'SubscribeContractMarketDepth',
      'SubscribeContractQuotes',
    ]);
    expect(hub.removed.map((subscription) => `${subscription.unsubscribe}:${String(subscription.args[0])}`)).toEqual([
      'UnsubscribeContractQuotes:CON.F.US.MNQ.U26',
      'UnsubscribeContractTrades:CON.F.US.EP.M25',
      'UnsubscribeContractMarketDepth:CON.F.US.EP.M25',
      'UnsubscribeContractQuotes:CON.F.US.EP.M25',
    ]);
  });
});
