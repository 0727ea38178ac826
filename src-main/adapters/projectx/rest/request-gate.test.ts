import { describe, expect, it } from 'vitest';
import { TestClock } from '../../../core/clock';
import { ManualScheduler } from '../../../core/testing/manual-scheduler';
import { TimerScope } from '../support/timer-scope';
import { RequestGate } from './request-gate';

function gate(requests: number, windowMs: number) {
  const time = new ManualScheduler(new TestClock(1_000_000));
  const timers = new TimerScope(time);
  return { time, timers, gate: new RequestGate({ requests, windowMs }, time, timers) };
}

describe('request gate', () => {
  it('admits up to the budget at once and the next call when the oldest leaves the window', async () => {
    const { time, gate: limiter } = gate(2, 1000);
    const admitted: string[] = [];

    for (const name of ['a', 'b', 'c']) void limiter.acquire('normal').then(() => admitted.push(name));
    await time.advance(0);
    const early = [...admitted];
    await time.advance(999);
    const justBefore = [...admitted];
    await time.advance(1);

    expect(early).toEqual(['a', 'b']);
    expect(justBefore).toEqual(['a', 'b']);
    expect(admitted).toEqual(['a', 'b', 'c']);
  });

  it('lets every waiting priority call go before any waiting normal call', async () => {
    const { time, gate: limiter } = gate(1, 100);
    const admitted: string[] = [];
    const take = (name: string, lane: 'normal' | 'priority') => void limiter.acquire(lane).then(() => admitted.push(name));

    take('first', 'normal');
    take('normal-1', 'normal');
    take('normal-2', 'normal');
    take('flatten', 'priority');
    take('cancel', 'priority');
    await time.advance(500);

    expect(admitted).toEqual(['first', 'flatten', 'cancel', 'normal-1', 'normal-2']);
  });

  it('holds everything for the time a 429 asked for', async () => {
    const { time, gate: limiter } = gate(10, 1000);
    const admitted: number[] = [];

    limiter.pauseFor(2000);
    void limiter.acquire('priority').then(() => admitted.push(time.now()));
    await time.advance(1999);
    const during = admitted.length;
    await time.advance(1);

    expect(during).toBe(0);
    expect(admitted).toEqual([1_002_000]);
  });

  it('reports headroom and releases waiters with false when disposed', async () => {
    const { time, gate: limiter } = gate(1, 1000);
    await limiter.acquire('normal');
    const waiting = limiter.acquire('normal');

    const headroom = limiter.headroom();
    limiter.dispose();

    expect(headroom).toBe(0);
    expect(await waiting).toBe(false);
    expect(await limiter.acquire('priority')).toBe(false);
    expect(time.pending).toBe(0);
  });

  it('drops a call still queued at its deadline: it never takes a slot, and the calls behind it go on', async () => {
    const { time, gate: limiter } = gate(1, 1000);
    const outcomes: string[] = [];
    await limiter.acquire('normal');

    void limiter.admit('normal', time.now() + 500).then((admission) => outcomes.push(`order:${admission}@${time.now() - 1_000_000}`));
    void limiter.admit('normal').then((admission) => outcomes.push(`read:${admission}@${time.now() - 1_000_000}`));
    await time.advance(499);
    const justBefore = [...outcomes];
    await time.advance(1);
    const atDeadline = [...outcomes];
    await time.advance(500);

    expect(justBefore).toEqual([]);
    expect(atDeadline).toEqual(['order:expired@500']);
    expect(outcomes).toEqual(['order:expired@500', 'read:admitted@1000']);
    expect(limiter.waiting).toBe(0);
  });

  it('answers expired at once when a 429 pause outlasts the deadline, for a new call and for one already waiting', async () => {
    const { time, gate: limiter } = gate(1, 1000);
    await limiter.acquire('normal');
    const waiting = limiter.admit('normal', time.now() + 5_000);

    limiter.pauseFor(45_000);
    await time.advance(0);
    const late = await limiter.admit('normal', time.now() + 5_000);

    expect(await waiting).toBe('expired');
    expect(late).toBe('expired');
    expect(time.now()).toBe(1_000_000);
  });

  it('admits a call with a deadline normally when a slot frees in time, and a priority call without one keeps waiting out a long pause', async () => {
    const { time, gate: limiter } = gate(1, 1000);
    await limiter.acquire('normal');
    const inTime = limiter.admit('normal', time.now() + 5_000);
    await time.advance(1000);
    limiter.pauseFor(30_000);
    const flatten = limiter.admit('priority');
    await time.advance(29_999);
    const beforeThePauseEnds = limiter.waiting;
    await time.advance(1);

    expect(await inTime).toBe('admitted');
    expect(beforeThePauseEnds).toBe(1);
    expect(await flatten).toBe('admitted');
    expect(time.pending).toBe(0);
  });
});

describe('request gate reserved shares', () => {
  function reservedGate(requests: number, reserved: { priority?: number; reconcile?: number }) {
    const time = new ManualScheduler(new TestClock(1_000_000));
    const timers = new TimerScope(time);
    return { time, gate: new RequestGate({ requests, windowMs: 1000, reserved }, time, timers) };
  }

  it('keeps the reserved slots from ordinary calls: a flood of them leaves room for reconciliation and a flatten', async () => {
    const { time, gate: limiter } = reservedGate(10, { priority: 2, reconcile: 2 });
    const admitted: string[] = [];
    for (let index = 0; index < 20; index++) void limiter.acquire('normal').then(() => admitted.push('normal'));
    await time.advance(0);
    const ordinary = admitted.length;

    for (const lane of ['reconcile', 'reconcile', 'reconcile', 'priority', 'priority'] as const) void limiter.acquire(lane).then(() => admitted.push(lane));
    await time.advance(0);

    expect(ordinary).toBe(6);
    // The third reconcile call would eat into the priority share: it waits, and both priority calls go.
    expect(admitted.slice(6).sort()).toEqual(['priority', 'priority', 'reconcile', 'reconcile']);
    expect(limiter.headroom('normal')).toBe(0);
    expect(limiter.headroom('priority')).toBe(0);
  });

  it('serves priority, then reconcile, then normal as slots free up, each within its own limit', async () => {
    const { time, gate: limiter } = reservedGate(4, { priority: 1, reconcile: 1 });
    const admitted: string[] = [];
    const take = (name: string, lane: 'normal' | 'reconcile' | 'priority') => void limiter.acquire(lane).then(() => admitted.push(name));
    take('n1', 'normal');
    take('n2', 'normal');
    take('n3', 'normal');
    // Each call is admitted at once while its lane is under its limit: n3 waits (normal limit 2), r2 too (reconcile limit 3).
    take('r1', 'reconcile');
    take('r2', 'reconcile');
    take('p1', 'priority');
    await time.advance(0);
    const first = [...admitted];
    await time.advance(1000);

    expect(first).toEqual(['n1', 'n2', 'r1', 'p1']);
    expect(admitted).toEqual(['n1', 'n2', 'r1', 'p1', 'r2', 'n3']);
  });

  it('refuses reserves that leave ordinary calls nothing', () => {
    const time = new ManualScheduler(new TestClock(0));
    expect(() => new RequestGate({ requests: 4, windowMs: 1000, reserved: { priority: 2, reconcile: 2 } }, time, new TimerScope(time))).toThrow(RangeError);
  });
});
