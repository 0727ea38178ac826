import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenAuthority, demoCredentials } from './jwt-auth';

function authorityAt(ttlSeconds = 60): { authority: ReturnType<typeof createTokenAuthority>; advance: (ms: number) => void } {
  let now = Date.parse('2026-03-18T15:00:00Z');
  return { authority: createTokenAuthority({ credentials: [demoCredentials], ttlSeconds, now: () => now }), advance: (ms) => (now += ms) };
}

describe('token authority', () => {
  it('accepts only the configured credentials', () => {
    const { authority } = authorityAt();

    expect(authority.accepts('demo', 'demo')).toBe(true);
    expect(authority.accepts('demo', 'wrong')).toBe(false);
    expect(authority.accepts('other', 'demo')).toBe(false);
  });

  it('issues an HS256 JWT whose exp is the lifetime after issue', async () => {
    const { authority } = authorityAt(3600);

    const token = await authority.issue('demo');
    const claims = decodeJwt(token);

    expect(claims.sub).toBe('demo');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(await authority.verify(token)).toEqual({ ok: true, userName: 'demo', expiresAt: (claims.exp ?? 0) * 1000 });
  });

  it('refuses a token once its lifetime has passed', async () => {
    const { authority, advance } = authorityAt(60);
    const token = await authority.issue('demo');

    advance(61_000);

    expect(await authority.verify(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed by another gateway, a tampered one and garbage', async () => {
    const { authority } = authorityAt();
    const foreign = await authorityAt().authority.issue('demo');
    const token = await authority.issue('demo');
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;

    expect(await authority.verify(foreign)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await authority.verify(tampered)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await authority.verify('not-a-jwt')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await authority.verify(undefined)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('revokes one token without touching another of the same user', async () => {
    const { authority } = authorityAt();
    const first = await authority.issue('demo');
    const second = await authority.issue('demo');

    await authority.revoke(first);

    expect(await authority.verify(first)).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await authority.verify(second)).ok).toBe(true);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header in any case', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('ignores other schemes and absent headers', () => {
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
  });
});
