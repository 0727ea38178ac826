import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../src-shared/domain/trading';
import { aggregatePrint, prependHistory, volumeBetween } from './bar-aggregation';
import { timeframeById } from './timeframes';

const minute = timeframeById('1m');
const tenOClock = Date.parse('2026-11-18T16:00:00Z');

function bar(time: number, close: number): BarView {
  return { time, open: close, high: close, low: close, close, volume: 10 };
}

describe('live bar aggregation', () => {
  it('updates the last bar with prints inside its minute', () => {
    const last = bar(tenOClock, 20_000);

    const up = aggregatePrint(last, { time: tenOClock + 20_000, priceTicks: 20_004, volume: 3 }, minute);
    const down = aggregatePrint(up?.bar, { time: tenOClock + 40_000, priceTicks: 19_998, volume: 2 }, minute);

    expect(up?.opened).toBe(false);
    expect(down?.bar).toEqual({ time: tenOClock, open: 20_000, high: 20_004, low: 19_998, close: 19_998, volume: 15 });
  });

  it('opens a new bar on the broker grid when a print passes the bar end, even after a gap', () => {
    const last = bar(tenOClock, 20_000);

    const next = aggregatePrint(last, { time: tenOClock + 3 * 60_000 + 5_000, priceTicks: 20_002, volume: 1 }, minute);

    expect(next).toEqual({ bar: { time: tenOClock + 180_000, open: 20_002, high: 20_002, low: 20_002, close: 20_002, volume: 1 }, opened: true });
  });

  it('ignores prints older than the last bar', () => {
    expect(aggregatePrint(bar(tenOClock, 20_000), { time: tenOClock - 1, priceTicks: 1, volume: 1 }, minute)).toBeUndefined();
  });

  it('starts a daily bar at the 17:00 CT roll, not at midnight', () => {
    const day = timeframeById('1D');
    const session = bar(Date.parse('2026-11-17T23:00:00Z'), 20_000);

    const sameDay = aggregatePrint(session, { time: Date.parse('2026-11-18T22:59:00Z'), priceTicks: 20_010, volume: 1 }, day);
    const nextDay = aggregatePrint(session, { time: Date.parse('2026-11-18T23:00:00Z'), priceTicks: 20_010, volume: 1 }, day);

    expect(sameDay?.opened).toBe(false);
    expect(nextDay?.opened).toBe(true);
  });

  it('derives traded volume from cumulative day volume and never goes negative', () => {
    expect(volumeBetween(100, 104)).toBe(4);
    expect(volumeBetween(100, 3)).toBe(0);
    expect(volumeBetween(undefined, 3)).toBe(0);
  });

  it('prepends older history without duplicating the overlap', () => {
    const loaded = [bar(3, 1), bar(4, 1)];
    const older = [bar(1, 1), bar(2, 1), bar(3, 9)];

    expect(prependHistory(older, loaded).map((item) => [item.time, item.close])).toEqual([[1, 1], [2, 1], [3, 1], [4, 1]]);
  });
});
