import { describe, expect, it } from 'vitest';
import { TestClock } from '../../../core/clock';
import { EventRate } from './event-rate';

describe('event rate', () => {
  it('averages events per second over the sliding window and forgets old seconds', () => {
    const clock = new TestClock(1_000_000);
    const rate = new EventRate(clock, 10);

    for (let second = 0; second < 10; second++) {
      rate.record(5);
      clock.advance(1000);
    }
    const busy = rate.perSecond();
    clock.advance(20_000);

    expect(busy).toBeCloseTo(4.5);
    expect(rate.perSecond()).toBe(0);
  });
});
