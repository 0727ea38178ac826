import type { AppError } from '../../../../src-shared/result';

/** How a failed enforcement call is retried. */
export type FailureKind = 'rate-limited' | 'unauthorized' | 'transient' | 'final';

/** Tuning of the retries. */
export interface RetryPolicy {
  /** Attempts per action before the alarm (the next event tries again). */
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Wait after a 429, times the attempt number. */
  readonly rateLimitBackoffMs: number;
  /** How long to wait for the broker's position or order event before reading REST. */
  readonly verifyTimeoutMs: number;
  /** After a final failure, the next event retries the same action only once this has passed. */
  readonly retryAfterFailureMs: number;
}

/** Defaults: five attempts over about ten seconds at worst. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseBackoffMs: 250,
  maxBackoffMs: 4000,
  rateLimitBackoffMs: 1000,
  verifyTimeoutMs: 2000,
  retryAfterFailureMs: 2000,
};

/**
 * Sorts a broker failure: a 429 (the adapter reports one it could not sit out) backs off longer;
 * a 401 retries at once, as the adapter logs in again on the next call; a malformed request will
 * not get better; anything else backs off exponentially.
 */
export function classifyFailure(error: AppError): FailureKind {
  if (/\b429\b|rate-?limit/i.test(error.message)) return 'rate-limited';
  if (error.code === 'unauthorized') return 'unauthorized';
  if (error.code === 'invalid-request') return 'final';
  return 'transient';
}

/** How long to wait before attempt `attempt + 1` after a failure of this kind. */
export function backoffMs(kind: FailureKind, attempt: number, policy: RetryPolicy): number {
  if (kind === 'rate-limited') return policy.rateLimitBackoffMs * attempt;
  if (kind === 'unauthorized' && attempt === 1) return 0;
  return Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempt - 1));
}
