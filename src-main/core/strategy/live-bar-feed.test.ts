import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../src-shared/domain/trading';
import { TestClock } from '../clock';
import { LiveBarFeed } from './live-bar-feed';
import { ManualScheduler } from '../testing/manual-scheduler';
import { regularOpen } from './testing/bar-builders';

function build() {
  const clock = new TestClock(regularOpen);
  const scheduler = new ManualScheduler(clock);
  const closed: BarView[] = [];
  const feed = new LiveBarFeed({ unit: 'minute', unitNumber: 1 }, clock, scheduler, (bar) => closed.push(bar));
  const print = (priceTicks: number, atMs: number) => {
    clock.advance(regularOpen + atMs - clock.now());
    feed.apply([{ contractId: 'C', priceTicks, size: 2, side: 'buy', time: clock.now() }]);
  };
  return { clock, scheduler, closed, feed, print };
}

describe('live bar feed', () => {
  it('closes a bar when a print opens the next one', () => {
    const { closed, print } = build();

    print(100, 1_000);
    print(103, 30_000);
    print(99, 59_000);
    print(101, 61_000);

    expect(closed).toEqual([{ time: regularOpen, open: 100, high: 103, low: 99, close: 99, volume: 6 }]);
  });

  it('closes the last bar by time when the market goes quiet, and only once', async () => {
    const { clock, scheduler, closed, print } = build();
    print(100, 1_000);

    clock.advance(60_000);
    await scheduler.settle();
    clock.advance(1_000);
    await scheduler.settle();
    print(102, 125_000);

    expect(closed.map((bar) => bar.time)).toEqual([regularOpen]);
  });

  it('treats seeded history as already closed', () => {
    const { feed, closed, print } = build();
    feed.seed([{ time: regularOpen - 60_000, open: 1, high: 2, low: 1, close: 2, volume: 1 }], regularOpen);

    print(100, 1_000);
    print(101, 61_000);

    expect(closed.map((bar) => bar.time)).toEqual([regularOpen]);
  });
});
