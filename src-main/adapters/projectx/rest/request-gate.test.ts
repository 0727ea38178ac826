import { describe, expect, it } from 'vitest';
import { ManualTime } from '../testing/manual-time';
import { TimerScope } from '../support/scheduler';
import { RequestGate } from './request-gate';

function gate(requests: number, windowMs: number) {
  const time = new ManualTime(1_000_000);
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
});
