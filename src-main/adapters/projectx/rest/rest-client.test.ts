import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../../core/clock';
import { ManualScheduler, flushPromises } from '../../../core/testing/manual-scheduler';
import { disposeParts, stubCredentials, stubParts } from '../testing/stub-broker';
import { envelope, StubGateway, testToken, type StubHandler } from '../testing/stub-gateway';
import { CallDeadline } from './call-deadline';
import { contractByIdErrors } from './endpoint-errors';
import { eventually } from '../../../testing/eventually';

const farFuture = Date.now() + 24 * 3600_000;
const accountsBody = { accounts: [{ id: 7, name: 'PRAC-1', balance: 50000, canTrade: true, isVisible: true, simulated: true }] };
let stub: StubGateway | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  cleanup?.();
  cleanup = undefined;
  await stub?.close();
  stub = undefined;
});

async function setUp(handler: StubHandler, overrides = {}) {
  stub = await StubGateway.start(handler);
  const built = stubParts(stub.url, overrides);
  cleanup = () => disposeParts(built.parts);
  return { stub, ...built };
}

/** Parts whose clock and timers move only when the test advances them (waits are checked to the millisecond, never slept). */
async function setUpOnManualTime(handler: StubHandler, overrides = {}) {
  const time = new ManualScheduler(new TestClock(Date.UTC(2026, 10, 18, 16)));
  return { time, ...(await setUp(handler, { clock: time, scheduler: time, ...overrides })) };
}

/** Real requests need real time to travel over loopback; the manual clock drives only the waits. */
function loginReply(token: string) {
  return envelope({ token });
}

describe('REST client', () => {
  it('logs in once with the API key, then sends the bearer token and parses the answer', async () => {
    const token = testToken('one', farFuture);
    const { stub, parts } = await setUp((request) => (request.path === '/api/Auth/loginKey' ? loginReply(token) : envelope(accountsBody)));

    const first = await parts.reference.accounts();
    const second = await parts.reference.accounts();

    expect(first).toEqual({ ok: true, value: [{ id: 7, name: 'PRAC-1', balanceCents: 5_000_000, canTrade: true, isVisible: true, simulated: true }] });
    expect(second.ok).toBe(true);
    expect(stub.to('/api/Auth/loginKey')).toEqual([{ path: '/api/Auth/loginKey', body: stubCredentials, authorization: undefined }]);
    expect(stub.to('/api/Account/search').map((request) => request.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
  });

  it('logs in again once after a 401 and retries the read with the new token', async () => {
    const tokens = [testToken('old', farFuture), testToken('new', farFuture)];
    let logins = 0;
    const { stub, parts } = await setUp((request) => {
      if (request.path === '/api/Auth/loginKey') return loginReply(tokens[logins++] ?? 'none');
      return request.authorization === `Bearer ${tokens[1]}` ? envelope(accountsBody) : { status: 401 };
    });

    const answer = await parts.reference.accounts();

    expect(answer.ok).toBe(true);
    expect(stub.to('/api/Auth/loginKey')).toHaveLength(2);
    expect(stub.to('/api/Account/search')).toHaveLength(2);
  });

  it('answers unauthorized when the fresh token is refused as well, after one re-login only', async () => {
    const { stub, parts } = await setUp((request) => (request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : { status: 401 }));

    const answer = await parts.reference.accounts();

    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(stub.to('/api/Auth/loginKey')).toHaveLength(2);
  });

  it('answers unauthorized to refused credentials (HTTP 200, code 3, null message)', async () => {
    const { parts } = await setUp(() => ({ json: { token: null, success: false, errorCode: 3, errorMessage: null } }));

    const answer = await parts.reference.accounts();

    expect(answer).toEqual({ ok: false, error: { code: 'unauthorized', message: 'InvalidCredentials (/api/Auth/loginKey errorCode 3)' } });
  });

  it('maps each endpoint its own error codes', async () => {
    const { parts } = await setUp((request) =>
      request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : envelope({ contract: null }, 1, null),
    );

    const answer = await parts.rest.call({ path: '/api/Contract/searchById', body: { contractId: 'X' }, payload: z.object({}), errors: contractByIdErrors });

    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', message: 'ContractNotFound (/api/Contract/searchById errorCode 1)' } });
  });

  it('waits out a 429 for its Retry-After and then succeeds', async () => {
    let limited = false;
    const { time, stub, parts } = await setUpOnManualTime((request) => {
      if (request.path === '/api/Auth/loginKey') return loginReply(testToken('t', farFuture));
      if (!limited) {
        limited = true;
        return { status: 429, headers: { 'retry-after': '1' } };
      }
      return envelope(accountsBody);
    });

    const answer = parts.reference.accounts();
    await eventually(() => stub.to('/api/Account/search').length === 1 && parts.gates.other.waiting === 1, 'the 429 and the wait after it', 2_000);
    await time.advance(999);
    const waitingJustBefore = parts.gates.other.waiting;
    await time.advance(1);
    const waitingAfter = parts.gates.other.waiting;

    expect(waitingJustBefore).toBe(1);
    expect(waitingAfter).toBe(0);
    expect((await answer).ok).toBe(true);
    expect(stub.to('/api/Account/search')).toHaveLength(2);
  });

  it('waits at most a second per 429 on the priority lane, however long the Retry-After', async () => {
    let limited = false;
    const { time, stub, parts } = await setUpOnManualTime((request) => {
      if (request.path === '/api/Auth/loginKey') return loginReply(testToken('t', farFuture));
      if (!limited) {
        limited = true;
        return { status: 429, headers: { 'retry-after': '60' } };
      }
      return envelope({ order: null });
    });
    await parts.auth.logIn();

    const answer = parts.rest.call({ path: '/api/Order/searchById', body: { accountId: 1, orderId: 1 }, payload: z.object({}), lane: 'priority' });
    await eventually(() => stub.to('/api/Order/searchById').length === 1 && parts.gates.other.waiting === 1, 'the 429 and the wait after it', 2_000);
    await time.advance(999);
    const waitingJustBefore = parts.gates.other.waiting;
    await time.advance(1);
    const waitingAfter = parts.gates.other.waiting;

    expect(waitingJustBefore).toBe(1);
    expect(waitingAfter).toBe(0);
    expect((await answer).ok).toBe(true);
    expect(stub.to('/api/Order/searchById')).toHaveLength(2);
  });

  it('holds calls beyond the client budget and lets a priority call overtake waiting normal ones', async () => {
    const { time, stub, parts } = await setUpOnManualTime(
      (request) => (request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : envelope({ order: null })),
      {
        rateBudgets: { bars: { requests: 1, windowMs: 150 }, other: { requests: 1, windowMs: 150 } },
      },
    );
    await parts.auth.logIn();
    await time.advance(150);
    const call = (orderId: number, lane: 'normal' | 'priority') =>
      parts.rest.call({ path: '/api/Order/searchById', body: { accountId: 1, orderId }, payload: z.object({}), lane });

    const normalFirst = call(1, 'normal');
    const normalSecond = call(2, 'normal');
    const urgent = call(3, 'priority');
    await flushPromises();
    const headroomWhileQueued = parts.gates.other.headroom();
    const waitingWhileQueued = parts.gates.other.waiting;
    await normalFirst;
    await time.advance(150);
    await urgent;
    await time.advance(150);
    await normalSecond;

    expect(stub.to('/api/Order/searchById').map((request) => (request.body as { orderId: number }).orderId)).toEqual([1, 3, 2]);
    expect(headroomWhileQueued).toBe(0);
    expect(waitingWhileQueued).toBe(2);
  });

  it('retries a read once after a 5xx but never resends a mutating call', async () => {
    let searches = 0;
    const { stub, parts } = await setUp((request) => {
      if (request.path === '/api/Auth/loginKey') return loginReply(testToken('t', farFuture));
      if (request.path === '/api/Account/search') return searches++ === 0 ? { status: 503 } : envelope(accountsBody);
      return { status: 502 };
    });

    const read = await parts.reference.accounts();
    const cancel = await parts.rest.call({ path: '/api/Order/cancel', body: { accountId: 1, orderId: 2 }, payload: z.object({}), mutating: true });

    expect(read.ok).toBe(true);
    expect(cancel).toMatchObject({ ok: false, outcomeUnknown: true, error: { code: 'timeout' } });
    expect(stub.to('/api/Order/cancel')).toHaveLength(1);
  });

  it('fails a read with timeout after one retry when no answer comes', async () => {
    const { stub, parts } = await setUp((request) => (request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : 'hold'), {
      requestTimeoutMs: 100,
    });

    const answer = await parts.reference.accounts();

    expect(answer).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(stub.to('/api/Account/search')).toHaveLength(2);
  });

  it('answers internal to a body that is not JSON or misses the envelope', async () => {
    let calls = 0;
    const { parts } = await setUp((request) =>
      request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : calls++ === 0 ? { text: '<html>' } : { json: { success: 'yes' } },
    );

    expect(await parts.reference.accounts()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await parts.reference.accounts()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers not-connected when nothing listens, and never logs the API key or the token', async () => {
    const token = testToken('secret-token', farFuture);
    const { stub, parts, logger } = await setUp((request) => (request.path === '/api/Auth/loginKey' ? loginReply(token) : { status: 401 }));
    await parts.reference.accounts();
    await stub.close();

    const answer = await parts.reference.accounts();

    expect(answer).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(stubCredentials.apiKey);
    expect(logger.text()).not.toContain(token);
  });

  describe('with an order deadline', () => {
    const place = { path: '/api/Order/place', body: { accountId: 1, customTag: 'ct-1' }, payload: z.object({}), mutating: true } as const;

    it('answers not-sent at once when a 429 asks for a wait beyond the deadline, and never sends it again', async () => {
      const { time, stub, parts } = await setUpOnManualTime((request) =>
        request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : { status: 429, headers: { 'retry-after': '45' } },
      );
      await parts.auth.logIn();
      const deadline = new CallDeadline(time.now() + 5_000, time);

      const answer = await parts.rest.call({ ...place, deadline });
      const answeredAt = time.now();
      await time.advance(60_000);

      expect(answer).toMatchObject({ ok: false, outcomeUnknown: false, error: { code: 'not-sent', message: expect.stringContaining('429') as string } });
      expect(answeredAt).toBe(Date.UTC(2026, 10, 18, 16));
      expect(deadline.close()).toBe(true);
      expect(stub.to('/api/Order/place')).toHaveLength(1);
    });

    it('drops a call still queued behind the client budget at its deadline, before it ever reaches the broker', async () => {
      const { time, stub, parts } = await setUpOnManualTime(
        (request) => (request.path === '/api/Auth/loginKey' ? loginReply(testToken('t', farFuture)) : envelope({ orderId: 1 })),
        {
          rateBudgets: { bars: { requests: 1, windowMs: 60_000 }, other: { requests: 1, windowMs: 60_000 } },
        },
      );
      await parts.auth.logIn();
      const deadline = new CallDeadline(time.now() + 5_000, time);

      const answer = parts.rest.call({ ...place, deadline });
      await time.advance(4_999);
      const waitingJustBefore = parts.gates.other.waiting;
      await time.advance(1);
      const result = await answer;
      await time.advance(120_000);

      expect(waitingJustBefore).toBe(1);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-sent' } });
      expect(stub.to('/api/Order/place')).toHaveLength(0);
    });

    it('never resends a call that was on the wire at its deadline and then came back 429: it was not acted on', async () => {
      let release: (() => void) | undefined;
      const { time, stub, parts } = await setUpOnManualTime(
        (request) => {
          if (request.path === '/api/Auth/loginKey') return loginReply(testToken('t', farFuture));
          return new Promise((resolve) => (release = () => resolve({ status: 429, headers: { 'retry-after': '1' } })));
        },
        { requestTimeoutMs: 30_000 },
      );
      await parts.auth.logIn();
      const deadline = new CallDeadline(time.now() + 5_000, time);

      const answer = parts.rest.call({ ...place, deadline });
      await eventually(() => stub.to('/api/Order/place').length === 1, 'the place on the wire', 2_000);
      await time.advance(5_000);
      const droppedAtDeadline = deadline.close();
      release?.();
      const result = await answer;
      await time.advance(10_000);

      expect(droppedAtDeadline).toBe(false);
      expect(result).toMatchObject({ ok: false, outcomeUnknown: false, error: { code: 'not-sent' } });
      expect(stub.to('/api/Order/place')).toHaveLength(1);
    });
  });
});
