import { describe, expect, it } from 'vitest';
import { checkOrigin, checkToken } from './request-guard';

describe('request guard', () => {
  it('allows loopback Host headers on its own port, with or without a matching Origin', () => {
    expect(checkOrigin({ host: '127.0.0.1:4000' }, 4000)).toBeUndefined();
    expect(checkOrigin({ host: 'localhost:4000', origin: 'http://127.0.0.1:4000' }, 4000)).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', () => {
    expect(checkOrigin({ host: 'evil.example:4000' }, 4000)).toMatchObject({ status: 403 });
    expect(checkOrigin({ host: '127.0.0.1:4001' }, 4000)).toMatchObject({ status: 403 });
    expect(checkOrigin({}, 4000)).toMatchObject({ status: 403 });
    expect(checkOrigin({ host: '127.0.0.1:4000', origin: 'http://evil.example' }, 4000)).toMatchObject({
      status: 403,
      reason: "foreign Origin 'http://evil.example'",
    });
    expect(checkOrigin({ host: '127.0.0.1:4000', origin: 'null' }, 4000)).toMatchObject({ status: 403 });
  });

  it('refuses a missing or wrong token', () => {
    expect(checkToken('secret-token', 'secret-token')).toBeUndefined();
    expect(checkToken(null, 'secret-token')).toEqual({ status: 401, reason: 'missing token' });
    expect(checkToken('', 'secret-token')).toEqual({ status: 401, reason: 'missing token' });
    expect(checkToken('secret-tokex', 'secret-token')).toEqual({ status: 401, reason: 'wrong token' });
    expect(checkToken('short', 'secret-token')).toEqual({ status: 401, reason: 'wrong token' });
  });
});
