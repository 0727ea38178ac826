import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../../core/clock';
import { ManualScheduler } from '../../../core/testing/manual-scheduler';
import { disposeParts, stubParts } from '../testing/stub-broker';
import { envelope, StubGateway, testToken, type StubHandler } from '../testing/stub-gateway';
import { expiryOf } from './auth-session';
import { eventually } from '../../../testing/eventually';

const start = Date.UTC(2026, 10, 18, 16);
const hour = 3600_000;
let stub: StubGateway | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  cleanup?.();
  await stub?.close();
  stub = undefined;
});

async function setUp(handler: StubHandler) {
  const time = new ManualScheduler(new TestClock(start));
  stub = await StubGateway.start(handler);
  const built = stubParts(stub.url, { clock: time, scheduler: time, tokenRefreshLeadMs: 30 * 60_000 });
  cleanup = () => disposeParts(built.parts);
  return { time, stub, ...built };
}

/** Real requests need real time to travel; the manual clock only drives the refresh timer. */
describe('auth session', () => {
  it('reads the JWT expiry without verifying it', () => {
    expect(expiryOf(testToken('a', start + hour))).toBe(start + hour);
    expect(expiryOf('REDACTED')).toBeUndefined();
  });

  it('refreshes through Auth/validate 30 minutes before expiry and adopts the new token', async () => {
    const first = testToken('first', start + 2 * hour);
    const second = testToken('second', start + 26 * hour);
    const { time, stub, parts } = await setUp((request) =>
      request.path === '/api/Auth/loginKey' ? envelope({ token: first }) : envelope({ newToken: second }),
    );
    await parts.auth.logIn();
    const heard: string[] = [];
    parts.auth.onToken((token) => heard.push(token));

    await time.advance(1.5 * hour - 1);
    const before = stub.to('/api/Auth/validate').length;
    await time.advance(1);
    await eventually(() => parts.auth.currentToken === second, 'the refreshed token', 2_000);

    expect(before).toBe(0);
    expect(stub.to('/api/Auth/validate')).toEqual([{ path: '/api/Auth/validate', body: undefined, authorization: `Bearer ${first}` }]);
    expect(parts.auth.currentToken).toBe(second);
    expect(heard).toEqual([second]);
  });

  it('logs in again with the API key when validation fails', async () => {
    const tokens = [testToken('first', start + 2 * hour), testToken('again', start + 26 * hour)];
    let logins = 0;
    const { time, stub, parts } = await setUp((request) => (request.path === '/api/Auth/loginKey' ? envelope({ token: tokens[logins++] }) : { status: 401 }));
    await parts.auth.logIn();

    await time.advance(1.5 * hour);
    await eventually(() => parts.auth.currentToken === tokens[1], 'the second token', 2_000);

    expect(stub.to('/api/Auth/validate')).toHaveLength(1);
    expect(stub.to('/api/Auth/loginKey')).toHaveLength(2);
    expect(parts.auth.currentToken).toBe(tokens[1]);
  });

  it('shares one login between concurrent callers', async () => {
    const { stub, parts } = await setUp(() => envelope({ token: testToken('t', start + 24 * hour) }));

    await Promise.all([parts.auth.token(), parts.auth.token(), parts.auth.logIn()]);

    expect(stub.to('/api/Auth/loginKey')).toHaveLength(1);
  });
});
