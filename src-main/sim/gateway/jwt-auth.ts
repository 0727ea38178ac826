import { randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/** A user name and API key that `Auth/loginKey` accepts. */
export interface Credentials {
  readonly userName: string;
  readonly apiKey: string;
}

/** What the simulator accepts when nothing else is configured. */
export const demoCredentials: Credentials = { userName: 'demo', apiKey: 'demo' };

/** The documented token lifetime: 24 h. */
export const defaultTokenTtlSeconds = 24 * 60 * 60;

/** A verified token, or why it was refused. */
export type TokenCheck =
  | { readonly ok: true; readonly userName: string; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' | 'revoked'; readonly description: string };

/** Issues and checks the gateway's JWTs (HS256 with a per-gateway random secret). */
export interface TokenAuthority {
  /** Whether a loginKey pair is one of the configured credentials. */
  accepts(userName: string, apiKey: string): boolean;
  /** A fresh token for the user, valid for the configured lifetime. */
  issue(userName: string): Promise<string>;
  /** Checks signature, expiry and revocation. */
  verify(token: string | undefined): Promise<TokenCheck>;
  /** Revokes one token (`Auth/logout`); other tokens of the same user stay valid. */
  revoke(token: string): Promise<void>;
}

/** Options of the token authority. */
export interface TokenAuthorityOptions {
  readonly credentials: readonly Credentials[];
  readonly ttlSeconds: number;
  /** Wall-clock epoch milliseconds (tokens live in real time, not on the exchange clock). */
  readonly now: () => number;
}

const issuer = 'projectx-sim';

/** Creates the authority; its secret lives only in memory, so tokens die with the gateway. */
export function createTokenAuthority(options: TokenAuthorityOptions): TokenAuthority {
  if (!(options.ttlSeconds > 0)) throw new RangeError('the token lifetime must be positive');
  const secret = new Uint8Array(randomBytes(32));
  // Revoked token ids with their expiry, so the set can be pruned.
  const revoked = new Map<string, number>();

  async function decode(token: string): Promise<{ readonly check: TokenCheck; readonly id?: string }> {
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer, currentDate: new Date(options.now()) });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
        return { check: { ok: false, reason: 'invalid', description: 'The token has no subject' } };
      }
      if (typeof payload.jti === 'string' && revoked.has(payload.jti)) {
        return { check: { ok: false, reason: 'revoked', description: 'The token was logged out' } };
      }
      return { check: { ok: true, userName: payload.sub, expiresAt: payload.exp * 1000 }, id: payload.jti };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { check: { ok: false, reason: 'expired', description: 'The token expired' } };
      return { check: { ok: false, reason: 'invalid', description: 'The signature is invalid' } };
    }
  }

  return {
    accepts: (userName, apiKey) => options.credentials.some((entry) => entry.userName === userName && entry.apiKey === apiKey),
    issue: async (userName) => {
      const issuedAt = Math.floor(options.now() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userName)
        .setIssuer(issuer)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + options.ttlSeconds)
        .sign(secret);
    },
    verify: async (token) => {
      if (token === undefined || token.length === 0) return { ok: false, reason: 'missing', description: 'No token' };
      return (await decode(token)).check;
    },
    revoke: async (token) => {
      const { check, id } = await decode(token);
      if (!check.ok || id === undefined) return;
      const now = options.now();
      for (const [revokedId, expiresAt] of revoked) if (expiresAt <= now) revoked.delete(revokedId);
      revoked.set(id, check.expiresAt);
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
