import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../core/ports/broker-port';
import { OrderCache } from '../state/order-cache';
import { WirePositionCache } from '../state/wire-position-cache';
import { ViewConverter } from '../state/view-converter';
import { ThrottledWarn } from '../support/throttled-warn';
import { FakeHub } from '../testing/fake-hub';
import { loadFixtureArray, loadFixtureObject } from '../testing/fixtures';
import { disposeParts, stubParts } from '../testing/stub-broker';
import { envelope, StubGateway, testToken, type StubRequest } from '../testing/stub-gateway';
import { UserStream } from './user-stream';

const contracts: Record<string, { tickSize: number; symbolId: string }> = {
  'CON.F.US.MES.M25': { tickSize: 0.25, symbolId: 'F.US.MES' },
  'CON.F.US.MNQ.U26': { tickSize: 0.25, symbolId: 'F.US.MNQ' },
};
let stub: StubGateway | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  cleanup?.();
  await stub?.close();
  stub = undefined;
});

async function setUp(orderById: (request: StubRequest) => unknown = () => null) {
  stub = await StubGateway.start((request) => {
    const body = request.body as { contractId?: string } | undefined;
    if (request.path === '/api/Auth/loginKey') return envelope({ token: testToken('t', Date.now() + 86_400_000) });
    if (request.path === '/api/Contract/searchById') {
      const known = contracts[body?.contractId ?? ''];
      return known === undefined
        ? envelope({ contract: null }, 1)
        : envelope({ contract: { id: body?.contractId, name: 'X', description: '', tickValue: 1.25, activeContract: true, ...known } });
    }
    if (request.path === '/api/Order/searchById') return envelope({ order: orderById(request) });
    return { status: 404 };
  });
  const { parts, logger } = stubParts(stub.url);
  cleanup = () => disposeParts(parts);
  const hub = new FakeHub();
  const events: BrokerEvent[] = [];
  const positions = new WirePositionCache();
  const stream = new UserStream({
    link: hub,
    reads: parts.reads,
    converter: new ViewConverter(parts.contracts, logger),
    orders: new OrderCache(),
    positions,
    emit: (event) => events.push(event),
    onFill: () => undefined,
    warn: new ThrottledWarn(logger, { now: () => Date.now() }, 0),
    logger,
  });
  stream.register();
  return { hub, stream, events, positions, logger };
}

describe('user stream', () => {
  it('turns a live 18-event sequence into whole orders, fills and positions, ending flat', async () => {
    const { hub, stream, events, positions } = await setUp();
    const sequence = loadFixtureArray('hub-user-sequence-1.json') as { event: string; payload: unknown }[];

    for (const step of sequence) hub.fire(step.event, step.payload);
    await stream.drained();

    expect(events.map((event) => event.kind)).toEqual(sequence.map((step) => step.event.replace('GatewayUser', '').toLowerCase().replace('trade', 'fill')));
    const lastOrder = events.filter((event) => event.kind === 'order').at(-1);
    expect(lastOrder).toMatchObject({ order: { id: 1232154984, status: 'filled', type: 'market', filledSize: 1 } });
    expect(events.at(-1)).toMatchObject({ kind: 'position', position: { contractId: 'CON.F.US.MES.M25', size: 0 } });
    expect(events.filter((event) => event.kind === 'fill').map((event) => event.kind === 'fill' && event.fill.realizedCents)).toEqual([null, -250, null]);
    expect(positions.size(9000004, 'CON.F.US.MES.M25')).toBe(0);
  });

  it('merges a partial order update into the cached order and emits the whole order', async () => {
    const { hub, stream, events } = await setUp();
    hub.fire('GatewayUserOrder', loadFixtureObject('hub-user-order-wrapped-2.json'));

    hub.fire('GatewayUserOrder', { action: 1, data: { id: 3348158587, accountId: 90000003, status: 1, limitPrice: 28346 } });
    await stream.drained();

    expect(events.at(-1)).toMatchObject({
      kind: 'order',
      order: { id: 3348158587, status: 'open', limitTicks: 113384, customTag: 'glt-3a95b5a2-3c68-4ef2-8cfd-962d9aead4c9-TP', parentOrderId: 3348158584 },
    });
  });

  it('completes a partial update for an unseen order from Order/searchById', async () => {
    const [full] = loadFixtureArray('hub-user-order-args-1.json') as { data: Record<string, unknown> }[];
    const { hub, stream, events } = await setUp(() => ({ ...full?.data, contractId: 'CON.F.US.MES.M25' }));

    hub.fire('GatewayUserOrder', [{ action: 1, data: { id: 2934939764, accountId: 90000005, status: 2, fillVolume: 15 } }]);
    await stream.drained();

    expect(events).toEqual([{ kind: 'order', order: expect.objectContaining({ id: 2934939764, status: 'filled', filledSize: 15, size: 15 }) }]);
  });

  it('logs and skips malformed payloads without throwing, and keeps handling the next ones', async () => {
    const { hub, stream, events, logger } = await setUp();

    hub.fire('GatewayUserTrade', { action: 0, data: { id: 'nope' } });
    hub.fire('GatewayUserPosition', 'garbage');
    hub.fire('GatewayUserOrder', { action: 1, data: { id: 5, status: 1 } });
    hub.fire('GatewayUserAccount', loadFixtureObject('hub-user-account-wrapped-1.json'));
    await stream.drained();

    expect(events).toEqual([{ kind: 'account', account: expect.objectContaining({ id: 90000001 }) }]);
    expect(logger.at('warn').map((line) => line.fields.event)).toEqual(expect.arrayContaining(['GatewayUserTrade', 'GatewayUserPosition', 'GatewayUserOrder']));
  });
});
