/** A request budget: at most `requests` in any `windowMs`. */
export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

/** The gateway's two budgets: `History/retrieveBars`, and every other REST endpoint (login included). */
export interface RateLimits {
  readonly bars: RateLimit;
  readonly other: RateLimit;
}

/** The documented ProjectX limits: 50 per 30 s on bars, 200 per 60 s elsewhere. */
export const projectXRateLimits: RateLimits = {
  bars: { requests: 50, windowMs: 30_000 },
  other: { requests: 200, windowMs: 60_000 },
};

/** Whether a request may go ahead and, when not, how long until a slot frees up. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * A sliding-window limiter: it remembers the time of each of the last `requests` admissions in a
 * ring, so a request is admitted when the oldest of them left the window. Memory is O(requests).
 */
export class SlidingWindowLimiter {
  private readonly admitted: number[];
  private next = 0;
  private count = 0;

  public constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(limit.requests) || limit.requests < 1) throw new RangeError('a rate limit needs at least one request');
    if (!(limit.windowMs > 0)) throw new RangeError('a rate limit needs a positive window');
    this.admitted = new Array<number>(limit.requests).fill(0);
  }

  /** Admits the request (and counts it) or refuses it without counting. */
  public tryAcquire(): RateDecision {
    const now = this.now();
    if (this.count === this.limit.requests) {
      // `next` is also the oldest slot once the ring is full.
      const oldest = this.admitted[this.next] ?? 0;
      const freeAt = oldest + this.limit.windowMs;
      if (freeAt > now) return { allowed: false, retryAfterMs: freeAt - now };
    } else {
      this.count++;
    }
    this.admitted[this.next] = now;
    this.next = (this.next + 1) % this.limit.requests;
    return { allowed: true };
  }
}
