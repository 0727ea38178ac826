import type { CandlestickData, UTCTimestamp } from 'lightweight-charts';
import type { BarView } from '../../../../src-shared/domain/trading';
import { toChicagoWallSeconds, tradeDateOf } from '../../../../src-shared/exchange';

/**
 * Chart time of a bar: exchange wall time, kept strictly increasing so a repeated hour at the end
 * of daylight saving time can never put two bars out of order.
 */
export function chartTimeOf(epochMs: number, previous: number | undefined): UTCTimestamp {
  const shifted = toChicagoWallSeconds(epochMs);
  return (previous !== undefined && shifted <= previous ? previous + 1 : shifted) as UTCTimestamp;
}

/** Converts a bar in ticks to the chart's decimal prices (volume is drawn from the bars themselves). */
export function toChartBar(bar: BarView, time: UTCTimestamp, tickSize: number): CandlestickData<UTCTimestamp> {
  return { time, open: bar.open * tickSize, high: bar.high * tickSize, low: bar.low * tickSize, close: bar.close * tickSize };
}

/** Converts a whole history to candles, with the chart time of each bar. */
export function toChartBars(bars: readonly BarView[], tickSize: number): { candles: CandlestickData<UTCTimestamp>[]; times: UTCTimestamp[] } {
  const candles = new Array<CandlestickData<UTCTimestamp>>(bars.length);
  const times = new Array<UTCTimestamp>(bars.length);
  let previous: number | undefined;
  for (let index = 0; index < bars.length; index += 1) {
    const bar = bars[index] as BarView;
    const time = chartTimeOf(bar.time, previous);
    previous = time;
    candles[index] = toChartBar(bar, time, tickSize);
    times[index] = time;
  }
  return { candles, times };
}

/** Chart times of the first bar of each trading day after the first (where a break is drawn). */
export function sessionStarts(bars: readonly BarView[], times: readonly UTCTimestamp[]): UTCTimestamp[] {
  const starts: UTCTimestamp[] = [];
  let day: number | undefined;
  bars.forEach((bar, index) => {
    const current = tradeDateOf(bar.time);
    const time = times[index];
    if (day !== undefined && current !== day && time !== undefined) starts.push(time);
    day = current;
  });
  return starts;
}

/** Index of the last bar that opened at or before an instant, or -1 (binary search). */
export function barIndexAt(bars: readonly BarView[], epochMs: number): number {
  let low = 0;
  let high = bars.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bar = bars[middle];
    if (bar !== undefined && bar.time <= epochMs) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
