import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limiter';

function limiterAt(requests: number, windowMs: number): { limiter: SlidingWindowLimiter; advance: (ms: number) => void } {
  let now = 1_000_000;
  return { limiter: new SlidingWindowLimiter({ requests, windowMs }, () => now), advance: (ms) => (now += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('admits up to the limit within the window, then refuses', () => {
    const { limiter } = limiterAt(3, 1000);

    const decisions = [limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire(), limiter.tryAcquire()];

    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
  });

  it('says how long until the oldest admission leaves the window', () => {
    const { limiter, advance } = limiterAt(2, 1000);
    limiter.tryAcquire();
    advance(300);
    limiter.tryAcquire();
    advance(100);

    expect(limiter.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 600 });
  });

  it('admits again once the oldest admission slid out, one slot at a time', () => {
    const { limiter, advance } = limiterAt(2, 1000);
    limiter.tryAcquire();
    advance(500);
    limiter.tryAcquire();
    advance(500);

    expect(limiter.tryAcquire().allowed).toBe(true);
    expect(limiter.tryAcquire().allowed).toBe(false);
    advance(500);
    expect(limiter.tryAcquire().allowed).toBe(true);
  });

  it('does not count refused requests', () => {
    const { limiter, advance } = limiterAt(1, 1000);
    limiter.tryAcquire();
    for (let attempt = 0; attempt < 10; attempt++) limiter.tryAcquire();
    advance(1000);

    expect(limiter.tryAcquire().allowed).toBe(true);
  });

  it('rejects a limit without requests or window', () => {
    expect(() => new SlidingWindowLimiter({ requests: 0, windowMs: 1000 }, Date.now)).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ requests: 1, windowMs: 0 }, Date.now)).toThrow(RangeError);
  });
});
