import { describe, expect, it } from 'vitest';
import { TestClock } from '../clock';
import { ManualScheduler } from '../testing/manual-scheduler';
import { DisplayThrottle } from './display-throttle';

function manualTime() {
  const clock = new TestClock(0);
  return { clock, scheduler: new ManualScheduler(clock) };
}

describe('display throttle', () => {
  it('sends the first update at once and folds a burst into its latest value per key', async () => {
    const { clock, scheduler } = manualTime();
    const sent: string[] = [];
    const throttle = new DisplayThrottle<{ key: string; value: number }>(
      clock,
      scheduler,
      (update) => update.key,
      (update) => sent.push(`${update.key}${update.value}`),
    );

    throttle.offer({ key: 'A', value: 1 });
    throttle.offer({ key: 'A', value: 2 });
    throttle.offer({ key: 'A', value: 3 });
    throttle.offer({ key: 'B', value: 1 });
    await scheduler.advance(20);

    expect(sent).toEqual(['A1', 'B1', 'A3']);
  });

  it('sends at most 60 updates a second per key', async () => {
    const { clock, scheduler } = manualTime();
    let sent = 0;
    const throttle = new DisplayThrottle<number>(
      clock,
      scheduler,
      () => 'A',
      () => sent++,
    );

    for (let millisecond = 0; millisecond < 1000; millisecond++) {
      throttle.offer(millisecond);
      await scheduler.advance(1);
    }

    expect(sent).toBeLessThanOrEqual(61);
    expect(sent).toBeGreaterThanOrEqual(55);
  });

  it('never sends a stale update after a fresher one went out at once', async () => {
    const { clock, scheduler } = manualTime();
    const sent: number[] = [];
    const throttle = new DisplayThrottle<number>(
      clock,
      scheduler,
      () => 'A',
      (value) => sent.push(value),
    );

    throttle.offer(1);
    clock.advance(10);
    throttle.offer(2);
    clock.advance(7);
    throttle.offer(3);
    await scheduler.advance(50);

    expect(sent).toEqual([1, 3]);
  });

  it('sends nothing more once disposed', async () => {
    const { clock, scheduler } = manualTime();
    const sent: number[] = [];
    const throttle = new DisplayThrottle<number>(
      clock,
      scheduler,
      () => 'A',
      (value) => sent.push(value),
    );

    throttle.offer(1);
    throttle.offer(2);
    throttle.dispose();
    await scheduler.advance(50);

    expect(sent).toEqual([1]);
    expect(scheduler.pending).toBe(0);
  });
});
