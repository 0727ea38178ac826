import { describe, expect, it } from 'vitest';
import type { BarView } from '../../../../src-shared/domain/trading';
import { barIndexAt, chartTimeOf, sessionStarts, toChartBars } from './bar-series';

function bar(iso: string, open: number, close: number): BarView {
  return { time: Date.parse(iso), open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 5 };
}

describe('chart bars', () => {
  it('converts ticks to prices and labels times in exchange time', () => {
    const { candles } = toChartBars([bar('2026-11-18T16:00:00Z', 20_000, 20_004)], 0.25);

    expect(candles[0]).toEqual({ time: Date.parse('2026-11-18T10:00:00Z') / 1000, open: 5000, high: 5001, low: 5000, close: 5001 });
  });

  it('keeps chart times strictly increasing through a repeated hour', () => {
    const instant = Date.parse('2026-11-01T07:30:00Z');
    const later = chartTimeOf(instant, undefined) + 100;

    expect(chartTimeOf(instant, later)).toBe(later + 1);
  });

  it('finds the first bar of each trading day after the first', () => {
    const bars = [bar('2026-11-18T22:58:00Z', 1, 1), bar('2026-11-18T22:59:00Z', 1, 1), bar('2026-11-18T23:00:00Z', 1, 1), bar('2026-11-18T23:01:00Z', 1, 1)];
    const { times } = toChartBars(bars, 0.25);

    expect(sessionStarts(bars, times)).toEqual([times[2]]);
  });

  it('finds the bar an instant falls in', () => {
    const bars = [bar('2026-11-18T16:00:00Z', 1, 1), bar('2026-11-18T16:01:00Z', 1, 1), bar('2026-11-18T16:02:00Z', 1, 1)];

    expect(barIndexAt(bars, Date.parse('2026-11-18T16:01:30Z'))).toBe(1);
    expect(barIndexAt(bars, Date.parse('2026-11-18T15:59:00Z'))).toBe(-1);
    expect(barIndexAt(bars, Date.parse('2026-11-18T17:00:00Z'))).toBe(2);
  });
});
