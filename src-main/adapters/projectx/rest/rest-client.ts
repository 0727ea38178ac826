import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import { fail, ok, type AppError, type ErrorCode, type Result } from '../../../../src-shared/result';
import { EventRate } from '../diagnostics/event-rate';
import type { LatencyRing } from '../diagnostics/latency-ring';
import { describeIssues } from '../parse/parsed';
import { redactSecrets } from '../support/redact';
import type { EndpointErrors } from './endpoint-errors';
import type { HttpTransport, TransportOutcome } from './http-transport';
import type { CallDeadline } from './call-deadline';
import type { GateLane, RequestGate } from './request-gate';

/** Rate-limit families: `History/retrieveBars` has its own budget; everything else shares one. */
export type RateFamily = 'bars' | 'other';

/** The bearer token, as the REST client obtains it. */
export interface TokenSource {
  /** The current token, logging in first when there is none. */
  token(): Promise<Result<string>>;
  /** A fresh token after `stale` was refused with 401 (one login shared by concurrent callers). */
  renew(stale: string): Promise<Result<string>>;
}

/** One REST call: path, body, the schema of the envelope's payload fields, and how to treat failures. */
export interface RestCall<T> {
  readonly path: string;
  readonly body?: unknown;
  readonly payload: z.ZodType<T>;
  readonly errors?: EndpointErrors;
  readonly lane?: GateLane;
  /** Place, modify, cancel, close: never resent after a timeout, a 5xx or a connection lost mid-call. */
  readonly mutating?: boolean;
  /** False for loginKey. */
  readonly authenticated?: boolean;
  /** False for Auth/validate, whose 401 means the token is dead (the caller logs in again). */
  readonly renewOnUnauthorized?: boolean;
  readonly timeoutMs?: number;
  /**
   * A trader's order command's deadline: a call still waiting (for the rate gate, a token or a 429
   * back-off) when it passes is dropped and answered `not-sent`; it is never sent after it.
   */
  readonly deadline?: CallDeadline;
}

/** A failed call; `outcomeUnknown` when a mutating call may have taken effect anyway. */
export type RestResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError; readonly outcomeUnknown: boolean };

/** How the REST link looks after a call, for the `link` events: `slow` for timeouts and 5xx, `unreachable` when no connection. */
export type RestHealth = { readonly state: 'answering' } | { readonly state: 'slow' | 'unreachable'; readonly reason: string };

/** Tuning of the REST client. */
export interface RestClientSettings {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** Wait after a 429 that names no Retry-After. */
  readonly defaultRetryAfterMs: number;
  /** Longest wait honoured from one Retry-After. */
  readonly maxRetryAfterMs: number;
  /** How many 429s one call sits out before it gives up. */
  readonly maxRateLimitRetries: number;
  /**
   * Longest wait after a 429 on the priority lane: enforcement asks again every second and goes
   * through as soon as the broker accepts, instead of sitting out a long Retry-After with a
   * position open.
   */
  readonly maxPriorityRetryAfterMs?: number;
  /** How many 429s a priority call sits out (short waits, so about this many seconds) before it gives up. */
  readonly maxPriorityRateLimitRetries?: number;
}

/** What the REST client works with. */
export interface RestClientParts {
  readonly settings: RestClientSettings;
  readonly transport: HttpTransport;
  readonly gates: Readonly<Record<RateFamily, RequestGate>>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly latency: LatencyRing;
  readonly health: (health: RestHealth) => void;
}

const envelopeSchema = z.object({
  success: z.boolean().nullish(),
  errorCode: z.number().int().nullish(),
  errorMessage: z.string().nullish(),
});

const barsPath = '/api/History/retrieveBars';
const missingEndpoint = 'the broker has no such endpoint (HTTP 404)';

/** True when a call failed because the endpoint does not exist (HTTP 404), not for a business "not found". */
export function isMissingEndpoint(error: AppError): boolean {
  return error.code === 'not-found' && error.message.endsWith(missingEndpoint);
}

/**
 * The ProjectX REST client: bearer auth with one re-login on 401, client-side rate limits with a
 * priority lane, 429 back-off, deadlines, and strict parsing of the envelope and payload into
 * typed `Result` errors. Reads are retried once after a timeout, a 5xx or a lost connection;
 * mutating calls are not (their outcome is unknown: the caller reconciles). A 401 or a 429 means
 * the server did not act on the call, so any call, mutating or not, is sent again after those.
 */
export class RestClient {
  private tokens: TokenSource | undefined;
  private readonly rate: EventRate;

  public constructor(private readonly parts: RestClientParts) {
    this.rate = new EventRate(parts.clock);
  }

  /** Answered calls per second, recent average. */
  public callsPerSecond(): number {
    return this.rate.perSecond();
  }

  /** Connects the token source (the auth session, built after this client). */
  public useTokens(tokens: TokenSource): void {
    this.tokens = tokens;
  }

  /** Runs one call to completion. */
  public async call<T>(call: RestCall<T>): Promise<RestResult<T>> {
    const family: RateFamily = call.path === barsPath ? 'bars' : 'other';
    let renewed = false;
    let readRetried = false;
    let rateLimited = 0;
    const { deadline } = call;
    for (;;) {
      let token: string | undefined;
      if (call.authenticated !== false) {
        const current = await this.currentToken();
        if (!current.ok) return { ok: false, error: current.error, outcomeUnknown: false };
        token = current.value;
      }
      const admission = await this.parts.gates[family].admit(call.lane ?? 'normal', deadline?.at);
      if (admission === 'stopped') return failed('cancelled', 'the broker link is stopping');
      if (admission === 'expired' || (deadline !== undefined && !deadline.begin())) return notSent(call.path, rateLimited);
      const started = this.parts.clock.now();
      const outcome = await this.parts.transport.post(
        `${this.parts.settings.baseUrl}${call.path}`,
        call.body,
        token === undefined ? {} : { authorization: `Bearer ${token}` },
        call.timeoutMs ?? this.parts.settings.timeoutMs,
      );
      if (outcome.kind === 'response') {
        this.parts.latency.record(this.parts.clock.now() - started);
        this.rate.record();
      }
      const verdict = this.judge(call, outcome);
      if (verdict.kind === 'done') return verdict.result;
      // A 401 or a 429: the broker did not act on it.
      if (verdict.kind === 'renew' || verdict.kind === 'rate-limited') deadline?.unsent();
      if (verdict.kind === 'renew' && token !== undefined && !renewed && call.renewOnUnauthorized !== false && this.tokens !== undefined) {
        renewed = true;
        this.parts.logger.warn({ path: call.path }, 'broker answered 401; logging in again');
        const fresh = await this.tokens.renew(token);
        if (!fresh.ok) return { ok: false, error: fresh.error, outcomeUnknown: false };
        continue;
      }
      if (verdict.kind === 'renew') return failed('unauthorized', `${call.path}: the broker refused the token (401)`);
      if (verdict.kind === 'rate-limited') {
        rateLimited++;
        const { maxRateLimitRetries, maxPriorityRateLimitRetries } = this.parts.settings;
        const allowed = call.lane === 'priority' ? (maxPriorityRateLimitRetries ?? 30) : maxRateLimitRetries;
        if (rateLimited > allowed)
          return deadline === undefined
            ? failed('timeout', `${call.path}: still rate-limited by the broker after ${rateLimited - 1} waits`)
            : notSent(call.path, rateLimited);
        const waitMs = call.lane === 'priority' ? Math.min(verdict.waitMs, this.parts.settings.maxPriorityRetryAfterMs ?? 1000) : verdict.waitMs;
        this.parts.logger.warn({ path: call.path, waitMs, lane: call.lane ?? 'normal' }, 'broker answered 429; backing off');
        this.parts.gates[family].pauseFor(waitMs);
        continue;
      }
      // verdict.kind === 'retry-read'
      if (readRetried) return { ok: false, error: verdict.error, outcomeUnknown: false };
      readRetried = true;
    }
  }

  private async currentToken(): Promise<Result<string>> {
    if (this.tokens === undefined) return fail('unauthorized', 'no credentials are configured');
    return this.tokens.token();
  }

  private judge<T>(call: RestCall<T>, outcome: TransportOutcome): Verdict<T> {
    const mutating = call.mutating === true;
    switch (outcome.kind) {
      case 'cancelled':
        return done(failed('cancelled', 'the broker link is stopping'));
      case 'timeout':
        this.parts.health({ state: 'slow', reason: `${call.path} timed out` });
        return mutating
          ? done(failed('timeout', `${call.path}: no answer in time; the outcome is unknown`, true))
          : { kind: 'retry-read', error: { code: 'timeout', message: `${call.path}: no answer in time` } };
      case 'network': {
        this.parts.health({ state: 'unreachable', reason: `cannot reach the broker (${outcome.message})` });
        const error: AppError = { code: 'not-connected', message: `${call.path}: cannot reach the broker (${redactSecrets(outcome.message)})` };
        if (mutating) return done({ ok: false, error, outcomeUnknown: outcome.sent });
        return { kind: 'retry-read', error };
      }
      case 'response':
        return this.judgeResponse(call, outcome.status, outcome.headers, outcome.text, mutating);
    }
  }

  private judgeResponse<T>(call: RestCall<T>, status: number, headers: Headers, text: string, mutating: boolean): Verdict<T> {
    if (status === 401) return { kind: 'renew' };
    if (status === 429) return { kind: 'rate-limited', waitMs: this.retryAfterMs(headers) };
    if (status >= 500) {
      this.parts.health({ state: 'slow', reason: `the broker answered HTTP ${status}` });
      const message = `${call.path}: the broker answered HTTP ${status}`;
      return mutating ? done(failed('timeout', `${message}; the outcome is unknown`, true)) : { kind: 'retry-read', error: { code: 'not-connected', message } };
    }
    this.parts.health({ state: 'answering' });
    if (status === 404) return done(failed('not-found', `${call.path}: ${missingEndpoint}`));
    if (status === 400) return done(failed('invalid-request', `${call.path}: the broker refused the request body (400)`));
    if (status !== 200) return done(failed('internal', `${call.path}: unexpected HTTP ${status}`));
    return done(this.parseEnvelope(call, text));
  }

  private parseEnvelope<T>(call: RestCall<T>, text: string): RestResult<T> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return failed('internal', `${call.path}: the answer is not JSON`);
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return failed('internal', `${call.path}: malformed envelope (${describeIssues(envelope.error)})`);
    const { errorCode, errorMessage } = envelope.data;
    const succeeded = envelope.data.success ?? errorCode === 0;
    if (!succeeded || (errorCode !== null && errorCode !== undefined && errorCode !== 0)) {
      const code = errorCode ?? -1;
      const [appCode, name] = call.errors?.[code] ?? ['broker-rejected', 'Error'];
      return failed(appCode, `${errorMessage ?? name} (${call.path} errorCode ${code})`);
    }
    const payload = call.payload.safeParse(json);
    if (!payload.success) {
      this.parts.logger.warn({ path: call.path, issue: describeIssues(payload.error) }, 'broker answer failed its schema');
      return failed('internal', `${call.path}: malformed answer (${describeIssues(payload.error)})`);
    }
    return { ok: true, value: payload.data };
  }

  private retryAfterMs(headers: Headers): number {
    const { defaultRetryAfterMs, maxRetryAfterMs } = this.parts.settings;
    const header = headers.get('retry-after');
    if (header === null) return defaultRetryAfterMs;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(maxRetryAfterMs, Math.max(0, seconds * 1000));
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.min(maxRetryAfterMs, Math.max(0, date - this.parts.clock.now()));
    return defaultRetryAfterMs;
  }
}

type Verdict<T> =
  | { readonly kind: 'done'; readonly result: RestResult<T> }
  | { readonly kind: 'renew' }
  | { readonly kind: 'rate-limited'; readonly waitMs: number }
  | { readonly kind: 'retry-read'; readonly error: AppError };

function done<T>(result: RestResult<T>): Verdict<T> {
  return { kind: 'done', result };
}

function failed(code: ErrorCode, message: string, outcomeUnknown = false): { readonly ok: false; readonly error: AppError; readonly outcomeUnknown: boolean } {
  return { ok: false, error: { code, message }, outcomeUnknown };
}

/** A command dropped at its deadline while it waited: the broker never received it (or refused it unread with 429). */
function notSent(path: string, rateLimited: number): { readonly ok: false; readonly error: AppError; readonly outcomeUnknown: boolean } {
  const why =
    rateLimited > 0 ? `the broker answered 429 (rate limit) ${rateLimited} time(s) and the wait outlasts the deadline` : 'it was still queued at its deadline';
  return failed('not-sent', `${path}: not sent (${why}); the broker never received it, so it is safe to send again`);
}

/** Drops the `outcomeUnknown` flag. */
export function asResult<T>(result: RestResult<T>): Result<T> {
  return result.ok ? ok(result.value) : { ok: false, error: result.error };
}
