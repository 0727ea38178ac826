import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../src-shared/domain/trading';
import { mergeBarUpdate, prependHistory } from './bar-aggregation';

const tenOClock = Date.parse('2026-11-18T16:00:00Z');

function bar(time: number, close: number, high = close, low = close): BarView {
  return { time, open: close, high, low, close, volume: 10 };
}

describe('live bars', () => {
  it('replaces the forming bar with the live one, keeping the high and low made between quotes', () => {
    const bars = [bar(tenOClock - 60_000, 20_000), bar(tenOClock, 20_001)];

    const merged = mergeBarUpdate(bars, bar(tenOClock, 20_002, 20_009, 19_990));

    expect(merged).toEqual({ index: 1, opened: false });
    expect(bars).toHaveLength(2);
    expect(bars[1]).toMatchObject({ high: 20_009, low: 19_990, close: 20_002 });
  });

  it('appends a newer bar, and takes a late final update of the bar before it', () => {
    const bars = [bar(tenOClock, 20_000)];

    const opened = mergeBarUpdate(bars, bar(tenOClock + 60_000, 20_003));
    const late = mergeBarUpdate(bars, bar(tenOClock, 20_001, 20_004));

    expect(opened).toEqual({ index: 1, opened: true });
    expect(late).toEqual({ index: 0, opened: false });
    expect(bars.map((item) => item.close)).toEqual([20_001, 20_003]);
  });

  it('ignores a bar it has not loaded', () => {
    const bars = [bar(tenOClock, 20_000), bar(tenOClock + 120_000, 20_000)];

    expect(mergeBarUpdate(bars, bar(tenOClock + 60_000, 1))).toBeUndefined();
    expect(mergeBarUpdate(bars, bar(tenOClock - 60_000, 1))).toBeUndefined();
    expect(bars).toHaveLength(2);
  });

  it('keeps the newer state of a bar when an older one arrives after it', () => {
    const bars = [{ ...bar(tenOClock, 20_002, 20_009, 19_990), volume: 40 }];

    const stale = mergeBarUpdate(bars, { ...bar(tenOClock, 20_001, 20_004, 19_995), volume: 35 });

    expect(stale).toBeUndefined();
    expect(bars[0]).toMatchObject({ high: 20_009, volume: 40 });
  });

  it('starts an empty chart with the first live bar', () => {
    const bars: BarView[] = [];

    expect(mergeBarUpdate(bars, bar(tenOClock, 20_000))).toEqual({ index: 0, opened: true });
  });

  it('prepends older history without duplicating the overlap', () => {
    const loaded = [bar(3, 1), bar(4, 1)];
    const older = [bar(1, 1), bar(2, 1), bar(3, 9)];

    expect(prependHistory(older, loaded).map((item) => [item.time, item.close])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });
});
