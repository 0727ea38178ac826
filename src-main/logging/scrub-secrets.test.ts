import { describe, expect, it } from 'vitest';
import { isSecretKey, scrubSecrets, scrubText } from './scrub-secrets';

describe('secret scrubbing', () => {
  it('knows secret field names in any spelling', () => {
    for (const key of ['token', 'accessToken', 'access_token', 'apiKey', 'api-key', 'PASSWORD', 'Authorization', 'credentials'])
      expect(isSecretKey(key)).toBe(true);
    for (const key of ['userName', 'accountId', 'tokens_left', 'message']) expect(isSecretKey(key)).toBe(false);
  });

  it('replaces secrets inside text', () => {
    expect(scrubText('GET /api?token=abc123&x=1')).toBe('GET /api?token=[redacted]&x=1');
    expect(scrubText('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
    expect(scrubText('jwt eyJhbGciOiJI.eyJzdWIiOiIx.c2lnbmF0dXJl here')).toBe('jwt [redacted] here');
    expect(scrubText('{"apiKey":"k-1","userName":"u"}')).toBe('{"apiKey":"[redacted]","userName":"u"}');
    expect(scrubText('nothing secret here')).toBe('nothing secret here');
  });

  it('walks objects and arrays, turns errors into their message, and stops at a depth', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };

    expect(scrubSecrets({ list: [{ password: 'p' }, 'url?token=t'], error: new Error('bad token=zz') })).toEqual({
      list: [{ password: '[redacted]' }, 'url?token=[redacted]'],
      error: { name: 'Error', message: 'bad token=[redacted]' },
    });
    expect(JSON.stringify(scrubSecrets(deep))).toContain('[too deep]');
  });
});
