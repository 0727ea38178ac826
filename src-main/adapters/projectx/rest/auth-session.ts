import { decodeJwt } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import { fail, ok, type Result } from '../../../../src-shared/result';
import type { Cancel } from '../../../core/scheduler';
import type { TimerScope } from '../support/timer-scope';
import { loginErrors, validateErrors } from './endpoint-errors';
import { asResult, type RestClient, type TokenSource } from './rest-client';

/** The ProjectX API key login. Never logged. */
export interface Credentials {
  readonly userName: string;
  readonly apiKey: string;
}

/** Tuning of the session. */
export interface AuthSettings {
  /** Refresh this long before the token's `exp` (when the token lives long enough). */
  readonly refreshLeadMs: number;
  /** Refresh after this long when the token carries no readable `exp`. */
  readonly fallbackRefreshMs: number;
  /** Wait before trying again when both validate and login failed. */
  readonly retryAfterFailureMs: number;
}

const loginPayload = z.object({ token: z.string().min(1).nullish() });
const validatePayload = z.object({ newToken: z.string().min(1).nullish() });

/**
 * The session token: loginKey, refresh through Auth/validate before `exp` (decoded, not
 * verified: the server verifies), loginKey again when validate fails, and one shared re-login
 * when a call meets a 401. Listeners hear about every new token (the hubs put it in their URL).
 */
export class AuthSession implements TokenSource {
  private current: string | undefined;
  private login: Promise<Result<string>> | undefined;
  private cancelRefresh: Cancel | undefined;
  private readonly listeners = new Set<(token: string) => void>();

  public constructor(
    private readonly rest: RestClient,
    private readonly credentials: Credentials,
    private readonly settings: AuthSettings,
    private readonly clock: Clock,
    private readonly timers: TimerScope,
    private readonly logger: Logger,
  ) {}

  /** The token the hubs should present now, if any. */
  public get currentToken(): string | undefined {
    return this.current;
  }

  /** Hears about each new token; returns the function that stops listening. */
  public onToken(listener: (token: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The current token, logging in when there is none. */
  public token(): Promise<Result<string>> {
    return this.current === undefined ? this.logIn() : Promise.resolve(ok(this.current));
  }

  /** A token other than `stale`: the current one if someone already renewed it, else a new login. */
  public renew(stale: string): Promise<Result<string>> {
    if (this.current !== undefined && this.current !== stale) return Promise.resolve(ok(this.current));
    this.current = undefined;
    return this.logIn();
  }

  /** Logs in with the API key; concurrent callers share one request. */
  public logIn(): Promise<Result<string>> {
    this.login ??= this.requestLogin().finally(() => {
      this.login = undefined;
    });
    return this.login;
  }

  /** Asks Auth/validate for a fresh token; keeps the current one when the answer carries none. */
  public async validate(): Promise<Result<string>> {
    const answer = asResult(
      await this.rest.call({ path: '/api/Auth/validate', payload: validatePayload, errors: validateErrors, renewOnUnauthorized: false, lane: 'priority' }),
    );
    if (!answer.ok) return answer;
    const token = answer.value.newToken ?? this.current;
    if (token === undefined) return fail('unauthorized', 'Auth/validate returned no token');
    this.adopt(token);
    return ok(token);
  }

  /** Validates, and logs in again when that fails; used by the refresh timer and after `GatewayLogout`. */
  public async refresh(): Promise<Result<string>> {
    const validated = await this.validate();
    if (validated.ok) return validated;
    this.logger.warn({ reason: validated.error.message }, 'token validation failed; logging in again');
    return this.logIn();
  }

  /** Stops the refresh timer (the scope's owner disposes the timers themselves). */
  public dispose(): void {
    this.cancelRefresh?.();
    this.listeners.clear();
  }

  private async requestLogin(): Promise<Result<string>> {
    const answer = asResult(
      await this.rest.call({
        path: '/api/Auth/loginKey',
        body: { userName: this.credentials.userName, apiKey: this.credentials.apiKey },
        payload: loginPayload,
        errors: loginErrors,
        authenticated: false,
        lane: 'priority',
      }),
    );
    if (!answer.ok) {
      this.logger.warn({ code: answer.error.code, reason: answer.error.message }, 'login to the broker failed');
      return answer;
    }
    const token = answer.value.token;
    if (token === null || token === undefined) return fail('unauthorized', 'Auth/loginKey returned no token');
    this.adopt(token);
    this.logger.info({}, 'logged in to the broker');
    return ok(token);
  }

  private adopt(token: string): void {
    const changed = token !== this.current;
    this.current = token;
    this.scheduleRefresh(token);
    if (changed) for (const listener of [...this.listeners]) listener(token);
  }

  private scheduleRefresh(token: string): void {
    this.scheduleRefreshIn(this.refreshDelay(token));
  }

  private scheduleRefreshIn(delayMs: number): void {
    this.cancelRefresh?.();
    this.cancelRefresh = this.timers.schedule(delayMs, () => {
      void this.refresh().then((result) => {
        if (result.ok || this.timers.isDisposed) return;
        this.logger.error({ reason: result.error.message }, 'token refresh failed; retrying later');
        this.scheduleRefreshIn(this.settings.retryAfterFailureMs);
      });
    });
  }

  private refreshDelay(token: string): number {
    const expiresAt = expiryOf(token);
    if (expiresAt === undefined) return this.settings.fallbackRefreshMs;
    const left = expiresAt - this.clock.now();
    // A short-lived token (tests) is refreshed at half its life rather than never.
    const delay = left - this.settings.refreshLeadMs < left / 2 ? left / 2 : left - this.settings.refreshLeadMs;
    return Math.max(1000, delay);
  }
}

/** The token's `exp` in epoch ms, or undefined when it is not a readable JWT. */
export function expiryOf(token: string): number | undefined {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
