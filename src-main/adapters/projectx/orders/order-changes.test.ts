import { afterEach, describe, expect, it } from 'vitest';
import { disposeParts, stubParts } from '../testing/stub-broker';
import { envelope, StubGateway, testToken, type StubReply, type StubRequest } from '../testing/stub-gateway';

const contract = {
  id: 'CON.F.US.EP.Z26',
  name: 'ESZ6',
  description: 'E-mini S&P 500',
  tickSize: 0.25,
  tickValue: 12.5,
  activeContract: true,
  symbolId: 'F.US.EP',
};
const order = {
  id: 3_500_000_001,
  accountId: 7,
  contractId: contract.id,
  creationTimestamp: '2026-11-18T16:00:00Z',
  status: 1,
  type: 4,
  side: 1,
  size: 1,
  stopPrice: 5990,
};

let stub: StubGateway | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  cleanup?.();
  await stub?.close();
  stub = undefined;
});

/** A broker that never answers mutating calls but may still act on them (`applies`). */
async function silentBroker(applies: boolean, position: { size: number } | undefined = undefined) {
  const state = { order: { ...order }, position };
  const handle = (call: StubRequest): StubReply => {
    const body = call.body as Record<string, unknown> | undefined;
    switch (call.path) {
      case '/api/Auth/loginKey':
        return envelope({ token: testToken('t', Date.now() + 86_400_000) });
      case '/api/Contract/searchById':
        return envelope({ contract });
      case '/api/Order/searchById':
        return envelope({ order: state.order });
      case '/api/Position/searchOpen':
        return envelope({
          positions:
            state.position === undefined
              ? []
              : [
                  {
                    id: 1,
                    accountId: 7,
                    contractId: contract.id,
                    creationTimestamp: '2026-11-18T16:00:00Z',
                    type: 1,
                    size: state.position.size,
                    averagePrice: 6000,
                  },
                ],
        });
      case '/api/Order/modify':
        if (applies) state.order = { ...state.order, stopPrice: Number(body?.stopPrice) };
        return 'hold';
      case '/api/Order/cancel':
        if (applies) state.order = { ...state.order, status: 3 };
        return 'hold';
      case '/api/Position/closeContract':
        if (applies) state.position = undefined;
        return 'hold';
      default:
        return envelope({ orders: [], trades: [], positions: [] });
    }
  };
  stub = await StubGateway.start(handle);
  const built = stubParts(stub.url, { requestTimeoutMs: 150 });
  cleanup = () => disposeParts(built.parts);
  return { stub, ...built };
}

describe('changing orders and positions without an answer', () => {
  it('reads a modify back instead of resending it, and reports it done when the broker shows it', async () => {
    const { stub, parts } = await silentBroker(true);

    const modified = await parts.changes.modify({ accountId: 7, orderId: order.id, stopTicks: 23_970 }, 'priority');

    expect(modified).toEqual({ ok: true, value: undefined });
    expect(stub.to('/api/Order/modify')).toHaveLength(1);
    expect(stub.to('/api/Order/modify')[0]?.body).toEqual({ accountId: 7, orderId: order.id, stopPrice: 5992.5 });
  });

  it('reports a modify that the broker does not show as an unknown outcome (naming the order), without resending', async () => {
    const { stub, parts } = await silentBroker(false);

    const modified = await parts.changes.modify({ accountId: 7, orderId: order.id, stopTicks: 23_970 }, 'normal');

    expect(modified).toMatchObject({ ok: false, error: { code: 'unknown-outcome', orderId: 3_500_000_001 } });
    expect(stub.to('/api/Order/modify')).toHaveLength(1);
  });

  it('reports a cancel done when the order reads back as cancelled, and not done otherwise', async () => {
    const applied = await silentBroker(true);
    const cancelled = await applied.parts.changes.cancel(7, order.id, 'priority');
    expect(cancelled).toEqual({ ok: true, value: undefined });
    expect(applied.stub.to('/api/Order/cancel')).toHaveLength(1);
    cleanup?.();
    await applied.stub.close();

    const ignored = await silentBroker(false);
    const stillOpen = await ignored.parts.changes.cancel(7, order.id, 'priority');
    expect(stillOpen).toMatchObject({ ok: false, error: { code: 'unknown-outcome', message: expect.stringContaining('status 1') } });
    expect(ignored.stub.to('/api/Order/cancel')).toHaveLength(1);
  });

  it('reports a close done when the position reads back flat, never sending the close twice', async () => {
    const { stub, parts } = await silentBroker(true, { size: 2 });

    const closed = await parts.changes.close(7, contract.id, undefined, 'priority');

    expect(closed).toEqual({ ok: true, value: undefined });
    expect(stub.to('/api/Position/closeContract')).toHaveLength(1);
  });
});
