import type { LineData, UTCTimestamp, WhitespaceData } from 'lightweight-charts';
import type { IndicatorPoint } from '../../../../src-shared/domain/strategies';
import type { BarView } from '../../../../src-shared/domain/trading';
import { barIndexAt } from './bar-series';

/** The chart time of the bar open at an instant (the last bar that opened at or before it). */
export function chartTimeAt(bars: readonly BarView[], times: readonly UTCTimestamp[], epochMs: number): UTCTimestamp | undefined {
  return times[barIndexAt(bars, epochMs)];
}

/**
 * An indicator line as chart points: each value (in ticks, or as is for RSI) scaled to the chart's
 * prices and put on its bar's chart time. Values of bars the chart has not loaded are dropped; a
 * value that is not ready yet leaves a gap.
 */
export function linePoints(
  points: readonly IndicatorPoint[],
  bars: readonly BarView[],
  times: readonly UTCTimestamp[],
  scale: number,
): (LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>)[] {
  const result: (LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>)[] = [];
  const first = points[0];
  if (first === undefined) return result;
  // Both are in time order: walk them together from the first point's bar.
  let index = Math.max(0, barIndexAt(bars, first.time));
  for (const point of points) {
    while (index < bars.length && (bars[index]?.time ?? Number.POSITIVE_INFINITY) < point.time) index++;
    const bar = bars[index];
    const time = times[index];
    if (bar === undefined || time === undefined) break;
    if (bar.time !== point.time) continue;
    result.push(point.value === null ? { time } : { time, value: point.value * scale });
  }
  return result;
}
