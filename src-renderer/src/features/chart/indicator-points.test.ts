import type { UTCTimestamp } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../../src-shared/domain/trading';
import { chartTimeAt, linePoints } from './indicator-points';

const bars: BarView[] = [60_000, 120_000, 180_000, 300_000].map((time) => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 1 }));
const times = [60, 120, 180, 300] as UTCTimestamp[];

describe('indicator points on the chart', () => {
  it('puts each value on its bar in chart prices and leaves gaps where it is not ready', () => {
    const points = [
      { time: 60_000, value: null },
      { time: 120_000, value: 20_000.5 },
      { time: 180_000, value: 20_001 },
    ];

    expect(linePoints(points, bars, times, 0.25)).toEqual([{ time: 60 }, { time: 120, value: 5000.125 }, { time: 180, value: 5000.25 }]);
  });

  it('drops values of bars the chart has not loaded', () => {
    const points = [
      { time: 0, value: 1 },
      { time: 240_000, value: 2 },
      { time: 300_000, value: 3 },
      { time: 360_000, value: 4 },
    ];

    expect(linePoints(points, bars, times, 1)).toEqual([{ time: 300, value: 3 }]);
  });

  it('finds the bar open at an instant', () => {
    expect(chartTimeAt(bars, times, 200_000)).toBe(180);
    expect(chartTimeAt(bars, times, 1)).toBeUndefined();
  });
});
