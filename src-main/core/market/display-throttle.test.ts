import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplayThrottle } from './display-throttle';

describe('display throttle', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('sends the first update at once and folds a burst into its latest value per key', () => {
    const sent: string[] = [];
    const throttle = new DisplayThrottle<{ key: string; value: number }>({ now: () => Date.now() }, (update) => update.key, (update) => sent.push(`${update.key}${update.value}`));

    throttle.offer({ key: 'A', value: 1 });
    throttle.offer({ key: 'A', value: 2 });
    throttle.offer({ key: 'A', value: 3 });
    throttle.offer({ key: 'B', value: 1 });
    vi.advanceTimersByTime(20);

    expect(sent).toEqual(['A1', 'B1', 'A3']);
  });

  it('sends at most 60 updates a second per key', () => {
    let sent = 0;
    const throttle = new DisplayThrottle<number>({ now: () => Date.now() }, () => 'A', () => sent++);

    for (let millisecond = 0; millisecond < 1000; millisecond++) {
      throttle.offer(millisecond);
      vi.advanceTimersByTime(1);
    }

    expect(sent).toBeLessThanOrEqual(61);
    expect(sent).toBeGreaterThanOrEqual(55);
  });

  it('never sends a stale update after a fresher one went out at once', () => {
    const sent: number[] = [];
    let now = 0;
    const throttle = new DisplayThrottle<number>({ now: () => now }, () => 'A', (value) => sent.push(value));

    throttle.offer(1);
    now = 10;
    throttle.offer(2);
    now = 17;
    throttle.offer(3);
    vi.advanceTimersByTime(50);

    expect(sent).toEqual([1, 3]);
  });
});
