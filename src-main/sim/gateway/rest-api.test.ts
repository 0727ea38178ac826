import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, login, openSession, post, priceAway, startTestGateway, type TestContract } from './gateway-test-kit';
import type { SimGateway } from './sim-gateway';

let gateway: SimGateway;
let token: string;
let accountId: number;
let contractId: string;
let contract: TestContract;
let rest: string;

beforeAll(async () => {
  gateway = await startTestGateway({ rateLimits: false });
  rest = `${gateway.urls.rest}/api`;
  ({ token, accountId, contract } = await openSession(gateway));
  contractId = contract.id;
});

afterAll(async () => {
  await gateway.close();
});

describe('REST: status and auth', () => {
  it('answers GET /api/Status/ping with pong, without a token', async () => {
    const answer = await get(`${rest}/Status/ping`);

    expect(answer.status).toBe(200);
    expect(answer.text).toBe('pong');
  });

  it('logs in with the configured credentials and returns a JWT that expires in 24 h', async () => {
    const answer = await post(`${rest}/Auth/loginKey`, { userName: 'demo', apiKey: 'demo' });

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ success: true, errorCode: 0, errorMessage: null });
    const claims = decodeJwt(String(answer.json?.token));
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(24 * 3600);
  });

  it('refuses wrong credentials with HTTP 200, code 3, a null token and a null message', async () => {
    const answer = await post(`${rest}/Auth/loginKey`, { userName: 'demo', apiKey: 'wrong' });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ token: null, success: false, errorCode: 3, errorMessage: null });
  });

  it('answers 400 to a loginKey body that misses a field or is not JSON', async () => {
    const missing = await post(`${rest}/Auth/loginKey`, { userName: 'demo' });
    const garbage = await post(`${rest}/Auth/loginKey`, '{"userName":');

    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ token: null, success: false });
    expect(String(missing.json?.errorMessage)).toContain('apiKey');
    expect(garbage.status).toBe(400);
  });

  it('answers 401 to a business call without a token or with a foreign one', async () => {
    const without = await post(`${rest}/Account/search`, { onlyActiveAccounts: true });
    const foreign = await post(`${rest}/Account/search`, { onlyActiveAccounts: true }, 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl');

    expect(without.status).toBe(401);
    expect(foreign.status).toBe(401);
    expect(foreign.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('validates a session with a new token that works on its own', async () => {
    const answer = await post(`${rest}/Auth/validate`, undefined, token);
    const newToken = String(answer.json?.newToken);
    const withNew = await post(`${rest}/Account/search`, { onlyActiveAccounts: false }, newToken);

    expect(answer.json).toMatchObject({ success: true, errorCode: 0, errorMessage: null });
    expect(newToken).not.toBe(token);
    expect(withNew.status).toBe(200);
  });

  it('logs out the presented token only', async () => {
    const doomed = await login(gateway);

    const answer = await post(`${rest}/Auth/logout`, undefined, doomed);
    const afterwards = await post(`${rest}/Account/search`, { onlyActiveAccounts: true }, doomed);
    const other = await post(`${rest}/Account/search`, { onlyActiveAccounts: true }, token);

    expect(answer.json).toEqual({ success: true, errorCode: 0, errorMessage: null });
    expect(afterwards.status).toBe(401);
    expect(other.status).toBe(200);
  });
});

describe('REST: the envelope of every endpoint', () => {
  const since = '2026-03-17T00:00:00Z';
  const cases: [path: string, body: () => unknown, fields: string[]][] = [
    ['/Account/search', () => ({ onlyActiveAccounts: true }), ['accounts']],
    ['/Contract/search', () => ({ searchText: 'ES', live: false }), ['contracts']],
    ['/Contract/searchById', () => ({ contractId }), ['contract']],
    ['/Contract/available', () => ({ live: false }), ['contracts']],
    [
      '/History/retrieveBars',
      () => ({ contractId, live: false, startTime: since, endTime: '2026-03-18T15:00:00Z', unit: 2, unitNumber: 1, limit: 10, includePartialBar: false }),
      ['bars'],
    ],
    ['/Order/search', () => ({ accountId, startTimestamp: since }), ['orders']],
    ['/Order/searchOpen', () => ({ accountId }), ['orders']],
    ['/Order/v2/query', () => ({ filter: { accountId, statuses: [1, 6, 7, 8] }, includeTotalCount: true }), ['orders']],
    ['/Position/searchOpen', () => ({ accountId }), ['positions']],
    ['/Trade/search', () => ({ accountId, startTimestamp: since }), ['trades']],
  ];

  it.each(cases)('%s answers success with its payload field', async (path, body, fields) => {
    const answer = await post(`${rest}${path}`, body(), token);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ success: true, errorCode: 0, errorMessage: null });
    for (const field of fields) expect(answer.json?.[field]).not.toBeNull();
    expect(Object.keys(answer.json ?? {}).slice(-3)).toEqual(['success', 'errorCode', 'errorMessage']);
  });

  it('places a market order and answers its orderId', async () => {
    const answer = await post(`${rest}/Order/place`, { accountId, contractId, type: 2, side: 0, size: 1 }, token);

    expect(answer.json).toMatchObject({ success: true, errorCode: 0, errorMessage: null });
    expect(typeof answer.json?.orderId).toBe('number');
  });

  it('answers modify, cancel and the close endpoints with the bare envelope', async () => {
    const limitPrice = await priceAway(gateway, contract, -20);
    const placed = await post(`${rest}/Order/place`, { accountId, contractId, type: 1, side: 0, size: 1, limitPrice }, token);
    const orderId = placed.json?.orderId;

    const answers = await Promise.all([
      post(`${rest}/Order/modify`, { accountId, orderId, size: 2 }, token),
      post(`${rest}/Order/cancel`, { accountId, orderId }, token),
      post(`${rest}/Position/closeContract`, { accountId, contractId }, token),
      post(`${rest}/Position/partialCloseContract`, { accountId, contractId, size: 1 }, token),
      post(`${rest}/Order/searchById`, { accountId, orderId }, token),
    ]);

    for (const answer of answers.slice(0, 4)) {
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.json ?? {})).toEqual(['success', 'errorCode', 'errorMessage']);
    }
    expect(Object.keys(answers[4]?.json ?? {})).toEqual(['order', 'success', 'errorCode', 'errorMessage']);
  });

  it('answers a business failure with HTTP 200, its own code and a null payload', async () => {
    const contract = await post(`${rest}/Contract/searchById`, { contractId: 'CON.F.US.NOPE.Z26' }, token);
    const window = { startTime: '2026-03-18T14:00:00Z', endTime: '2026-03-18T15:00:00Z', includePartialBar: false };
    const bars = await post(
      `${rest}/History/retrieveBars`,
      { contractId: 'CON.F.US.NOPE.Z26', live: false, unit: 2, unitNumber: 1, limit: 5, ...window },
      token,
    );

    expect(contract.status).toBe(200);
    expect(contract.json).toMatchObject({ contract: null, success: false, errorCode: 1 });
    expect(bars.status).toBe(200);
    expect(bars.json).toMatchObject({ bars: null, success: false, errorCode: 1 });
  });

  it('writes null fields explicitly and prices with nine decimals', async () => {
    const limitPrice = await priceAway(gateway, contract, -21);
    await post(`${rest}/Order/place`, { accountId, contractId, type: 1, side: 0, size: 1, limitPrice }, token);

    const answer = await post(`${rest}/Order/searchOpen`, { accountId }, token);

    expect(answer.text).toMatch(/"stopPrice":null/);
    expect(answer.text).toMatch(/"limitPrice":-?\d+\.\d{9}[,}]/);
  });
});

describe('REST: malformed requests', () => {
  it('answers 400 to a wrong JSON type, a missing required string or a body that is not JSON', async () => {
    const wrongType = await post(`${rest}/Order/searchOpen`, { accountId: 'abc' }, token);
    const missing = await post(`${rest}/Contract/searchById`, {}, token);
    const garbage = await post(`${rest}/Account/search`, 'nope', token);
    const empty = await post(`${rest}/Account/search`, undefined, token);

    expect([wrongType.status, missing.status, garbage.status, empty.status]).toEqual([400, 400, 400, 400]);
    expect(wrongType.json).toMatchObject({ orders: null, success: false });
    expect(missing.json).toMatchObject({ contract: null, success: false });
  });

  it('answers 400 naming the field when the exchange finds the body malformed', async () => {
    const answer = await post(`${rest}/History/retrieveBars`, { contractId, live: false, unit: 2, unitNumber: 1, limit: 5 }, token);

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ bars: null, success: false });
    expect(String(answer.json?.errorMessage)).toContain('startTime');
  });

  it('answers a malformed /api/Order/v2/query with RFC 7807 ProblemDetails', async () => {
    const answer = await post(`${rest}/Order/v2/query`, { filter: { accountId: 'x' } }, token);

    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.json).toMatchObject({ status: 400, title: expect.any(String), errors: { 'filter.accountId': [expect.any(String)] } });
  });

  it('answers 404 to an unknown path and 405 to a GET on a POST endpoint', async () => {
    const unknown = await post(`${rest}/Order/teleport`, {}, token);
    const wrongMethod = await get(`${rest}/Account/search`);
    const elsewhere = await get(`${gateway.urls.rest}/nothing-here`);

    expect(unknown.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(elsewhere.status).toBe(404);
  });
});

describe('REST: expiry and rate limits', () => {
  it('answers 401 once the token has expired', async () => {
    let wallClock = Date.now();
    const shortLived = await startTestGateway({ tokenTtlSeconds: 60, wallClock: () => wallClock });
    try {
      const expiring = await login(shortLived);
      const before = await post(`${shortLived.urls.rest}/api/Account/search`, { onlyActiveAccounts: true }, expiring);

      wallClock += 61_000;
      const after = await post(`${shortLived.urls.rest}/api/Account/search`, { onlyActiveAccounts: true }, expiring);
      const validate = await post(`${shortLived.urls.rest}/api/Auth/validate`, undefined, expiring);

      expect(before.status).toBe(200);
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toContain('expired');
      expect(validate.status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });

  it('answers 429 past the bars budget and past the general budget, each on its own', async () => {
    const limited = await startTestGateway({ rateLimits: { bars: { requests: 2, windowMs: 60_000 }, other: { requests: 4, windowMs: 60_000 } } });
    try {
      const api = `${limited.urls.rest}/api`;
      const session = await login(limited);
      const bars = {
        contractId,
        live: false,
        startTime: '2026-03-18T14:00:00Z',
        endTime: '2026-03-18T15:00:00Z',
        unit: 2,
        unitNumber: 1,
        limit: 1,
        includePartialBar: false,
      };

      const barStatuses = [];
      for (let index = 0; index < 3; index++) barStatuses.push((await post(`${api}/History/retrieveBars`, bars, session)).status);
      const otherStatuses = [];
      for (let index = 0; index < 4; index++) otherStatuses.push((await post(`${api}/Account/search`, { onlyActiveAccounts: true }, session)).status);
      const refusedLogin = await post(`${api}/Auth/loginKey`, { userName: 'demo', apiKey: 'demo' });

      // Login took one of the four general slots.
      expect(barStatuses).toEqual([200, 200, 429]);
      expect(otherStatuses).toEqual([200, 200, 200, 429]);
      expect(refusedLogin.status).toBe(429);
      expect(Number(refusedLogin.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
