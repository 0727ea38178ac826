import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerOrderRequest } from '../../../core/ports/broker-port';
import type { OrderId } from '../../../../src-shared/domain/ids';
import type { Result } from '../../../../src-shared/result';
import type { ProjectXBrokerOptions } from '../broker-options';
import { TestClock } from '../../../core/clock';
import { ManualScheduler } from '../../../core/testing/manual-scheduler';
import { disposeParts, stubParts } from '../testing/stub-broker';
import { envelope, StubGateway, testToken, type StubReply, type StubRequest } from '../testing/stub-gateway';
import { eventually } from '../../../testing/eventually';

const contract = {
  id: 'CON.F.US.EP.Z26',
  name: 'ESZ6',
  description: 'E-mini S&P 500',
  tickSize: 0.25,
  tickValue: 12.5,
  activeContract: true,
  symbolId: 'F.US.EP',
};
const request: BrokerOrderRequest = { accountId: 7, contractId: contract.id, type: 'limit', side: 'buy', size: 1, limitTicks: 24000, customTag: 'ct-42' };

/** A tiny broker: remembers placed orders; each place request is answered as the test's script says. */
function brokerScript(placeAnswers: ('accept' | 'accept-silently' | 'drop' | 'reject' | 'reject-duplicate')[], options: { searchFails?: boolean } = {}) {
  const orders: Record<string, unknown>[] = [];
  let nextId = 3_500_000_000;
  return {
    orders,
    handle: (call: StubRequest): StubReply => {
      switch (call.path) {
        case '/api/Auth/loginKey':
          return envelope({ token: testToken('t', Date.now() + 86_400_000) });
        case '/api/Contract/searchById':
          return envelope({ contract });
        case '/api/Order/search':
          return options.searchFails === true ? { status: 503 } : envelope({ orders });
        case '/api/Order/place': {
          const body = call.body as Record<string, unknown>;
          const answer = placeAnswers.shift() ?? 'accept';
          const id = ++nextId;
          const duplicate = orders.some((order) => order.customTag === body.customTag);
          const status = answer === 'reject' || answer === 'reject-duplicate' || duplicate ? 5 : 1;
          if (answer !== 'drop')
            orders.push({
              id,
              accountId: body.accountId,
              contractId: body.contractId,
              creationTimestamp: new Date().toISOString(),
              status,
              type: body.type,
              side: body.side,
              size: body.size,
              limitPrice: body.limitPrice,
              customTag: body.customTag,
            });
          if (answer === 'accept-silently' || answer === 'drop') return 'hold';
          if (status === 5) return envelope({ orderId: id }, 2, answer === 'reject' ? 'Order rejected.' : 'Duplicate customTag.');
          return envelope({ orderId: id });
        }
        default:
          return { status: 404 };
      }
    },
  };
}

let stub: StubGateway | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  cleanup?.();
  await stub?.close();
  stub = undefined;
});

async function setUp(script: ReturnType<typeof brokerScript>, overrides: Partial<ProjectXBrokerOptions> = {}) {
  stub = await StubGateway.start((call) => script.handle(call));
  const built = stubParts(stub.url, { requestTimeoutMs: 150, ...overrides });
  cleanup = () => disposeParts(built.parts);
  return { stub, ...built };
}

describe('placing an order', () => {
  it('returns the order id when the broker answers', async () => {
    const script = brokerScript(['accept']);
    const { stub, parts } = await setUp(script);

    const placed = await parts.placement.place(request, 'normal');

    expect(placed).toEqual({ ok: true, value: { orderId: 3_500_000_001 } });
    expect(stub.to('/api/Order/place')[0]?.body).toEqual({
      accountId: 7,
      contractId: contract.id,
      type: 1,
      side: 0,
      size: 1,
      customTag: 'ct-42',
      limitPrice: 6000,
    });
  });

  it('after a timeout finds the order by its customTag and does not send it again', async () => {
    const script = brokerScript(['accept-silently']);
    const { stub, parts, logger } = await setUp(script);

    const placed = await parts.placement.place(request, 'priority');

    expect(placed).toEqual({ ok: true, value: { orderId: 3_500_000_001 } });
    expect(stub.to('/api/Order/place')).toHaveLength(1);
    expect(stub.to('/api/Order/search')).toHaveLength(1);
    expect(logger.at('warn').map((line) => line.message)).toContain('Order/place outcome unknown; looking the order up by customTag');
  });

  it('after a timeout with no order carrying the tag, sends it once more with the same customTag', async () => {
    const script = brokerScript(['drop', 'accept']);
    const { stub, parts } = await setUp(script);

    const placed = await parts.placement.place(request, 'normal');

    expect(placed).toEqual({ ok: true, value: { orderId: 3_500_000_002 } });
    expect(stub.to('/api/Order/place').map((call) => (call.body as { customTag: string }).customTag)).toEqual(['ct-42', 'ct-42']);
    expect(script.orders.filter((order) => order.status === 1)).toHaveLength(1);
  });

  it('when the resend is refused as a duplicate, returns the order the first attempt created', async () => {
    const script = brokerScript(['drop', 'reject-duplicate']);
    const { parts } = await setUp(script);
    // The first attempt lands late: it exists by the time of the resend, but not at the first lookup.
    const lateOrder = {
      id: 3_499_999_999,
      accountId: 7,
      contractId: contract.id,
      creationTimestamp: new Date().toISOString(),
      status: 1,
      type: 1,
      side: 0,
      size: 1,
      limitPrice: 6000,
      customTag: 'ct-42',
    };
    const original = script.handle;
    let searches = 0;
    script.handle = (call) => {
      if (call.path === '/api/Order/search' && searches++ === 1) script.orders.unshift(lateOrder);
      return original(call);
    };

    const placed = await parts.placement.place(request, 'normal');

    expect(placed).toEqual({ ok: true, value: { orderId: 3_499_999_999 } });
  });

  it('reports an order found by customTag in Rejected status as broker-rejected', async () => {
    const script = brokerScript(['drop']);
    const { parts } = await setUp(script);
    script.orders.push({
      id: 3_400_000_000,
      accountId: 7,
      contractId: contract.id,
      creationTimestamp: new Date().toISOString(),
      status: 5,
      type: 1,
      side: 0,
      size: 1,
      customTag: 'ct-42',
    });

    const placed = await parts.placement.place(request, 'normal');

    expect(placed).toMatchObject({ ok: false, error: { code: 'broker-rejected' } });
  });

  it('does not resend when the lookup itself fails: the outcome stays unknown', async () => {
    const script = brokerScript(['accept-silently'], { searchFails: true });
    const { stub, parts } = await setUp(script);

    const placed = await parts.placement.place(request, 'normal');

    expect(placed).toMatchObject({ ok: false, error: { code: 'unknown-outcome', customTag: 'ct-42' } });
    expect(stub.to('/api/Order/place')).toHaveLength(1);
  });

  it('passes a business rejection through with the broker message and code, without looking anything up', async () => {
    const script = brokerScript(['reject']);
    const { stub, parts } = await setUp(script);

    const placed = await parts.placement.place(request, 'normal');

    expect(placed).toEqual({ ok: false, error: { code: 'broker-rejected', message: 'Order rejected. (/api/Order/place errorCode 2)' } });
    expect(stub.to('/api/Order/search')).toHaveLength(0);
  });

  describe('with a deadline', () => {
    /** Real requests travel over loopback in real time; the manual clock drives only the waits. */
    it('answers not-sent when the place is still queued at its deadline, and it never reaches the broker', async () => {
      const time = new ManualScheduler(new TestClock(Date.UTC(2026, 10, 18, 16)));
      const { stub, parts } = await setUp(brokerScript([]), {
        clock: time,
        scheduler: time,
        rateBudgets: { bars: { requests: 1, windowMs: 60_000 }, other: { requests: 3, windowMs: 60_000 } },
      });
      await parts.auth.logIn();
      await parts.contracts.get(contract.id);
      await parts.reads.orderById(7, 1, 'normal');
      const resolutions: Result<{ readonly orderId: OrderId }>[] = [];

      const answer = parts.placement.place(request, 'normal', { deadlineAt: time.now() + 5_000, onResolved: (result) => resolutions.push(result) });
      await time.advance(5_000);
      const placed = await answer;
      await time.advance(120_000);
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(placed).toMatchObject({ ok: false, error: { code: 'not-sent' } });
      expect(stub.to('/api/Order/place')).toHaveLength(0);
      expect(resolutions).toEqual([]);
    });

    it('answers unknown-outcome with its tag when the place got no answer by its deadline, then resolves it once by the tag', async () => {
      const time = new ManualScheduler(new TestClock(Date.UTC(2026, 10, 18, 16)));
      const script = brokerScript(['accept-silently']);
      const { stub, parts } = await setUp(script, { clock: time, scheduler: time, requestTimeoutMs: 10_000 });
      const resolutions: Result<{ readonly orderId: OrderId }>[] = [];

      let answered: Result<{ readonly orderId: OrderId }> | undefined;
      void parts.placement
        .place(request, 'normal', { deadlineAt: time.now() + 5_000, onResolved: (result) => resolutions.push(result) })
        .then((result) => (answered = result));
      await eventually(() => stub.to('/api/Order/place').length === 1, 'the place on the wire', 3_000);
      await time.advance(4_999);
      const beforeDeadline = answered;
      await time.advance(1);
      const atDeadline = answered;
      await time.advance(5_000);
      await eventually(() => resolutions.length > 0, 'the resolution', 3_000);
      await time.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(beforeDeadline).toBeUndefined();
      expect(atDeadline).toMatchObject({ ok: false, error: { code: 'unknown-outcome', customTag: 'ct-42' } });
      expect(resolutions).toEqual([{ ok: true, value: { orderId: 3_500_000_001 } }]);
      expect(stub.to('/api/Order/place')).toHaveLength(1);
      expect(script.orders).toHaveLength(1);
    });

    it('answers a place that the broker answers in time as usual', async () => {
      const { parts } = await setUp(brokerScript(['accept']));
      const resolutions: unknown[] = [];

      const placed = await parts.placement.place(request, 'normal', { deadlineAt: Date.now() + 5_000, onResolved: (result) => resolutions.push(result) });

      expect(placed).toEqual({ ok: true, value: { orderId: 3_500_000_001 } });
      expect(resolutions).toEqual([]);
    });
  });
});
