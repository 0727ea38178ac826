import type { CandlestickData, HistogramData, UTCTimestamp } from 'lightweight-charts';
import type { BarView } from '../../../../src-shared/domain/trading';
import { toChartSeconds, tradingDayNumber } from '../../lib/chicago-time';

/** Colours of volume bars. */
export interface VolumeColors {
  readonly up: string;
  readonly down: string;
}

/** One bar as both chart series take it. */
export interface ChartBar {
  readonly candle: CandlestickData<UTCTimestamp>;
  readonly volume: HistogramData<UTCTimestamp>;
}

/**
 * Chart time of a bar: exchange wall time, kept strictly increasing so a repeated hour at the end
 * of daylight saving time can never put two bars out of order.
 */
export function chartTimeOf(epochMs: number, previous: number | undefined): UTCTimestamp {
  const shifted = toChartSeconds(epochMs);
  return (previous !== undefined && shifted <= previous ? previous + 1 : shifted) as UTCTimestamp;
}

/** Converts a bar in ticks to the chart's decimal prices. */
export function toChartBar(bar: BarView, time: UTCTimestamp, tickSize: number, colors: VolumeColors): ChartBar {
  return {
    candle: { time, open: bar.open * tickSize, high: bar.high * tickSize, low: bar.low * tickSize, close: bar.close * tickSize },
    volume: { time, value: bar.volume, color: bar.close >= bar.open ? colors.up : colors.down },
  };
}

/** Converts a whole history to chart bars, with the chart time of each bar. */
export function toChartBars(bars: readonly BarView[], tickSize: number, colors: VolumeColors): { candles: CandlestickData<UTCTimestamp>[]; volumes: HistogramData<UTCTimestamp>[]; times: UTCTimestamp[] } {
  const candles: CandlestickData<UTCTimestamp>[] = new Array<CandlestickData<UTCTimestamp>>(bars.length);
  const volumes: HistogramData<UTCTimestamp>[] = new Array<HistogramData<UTCTimestamp>>(bars.length);
  const times: UTCTimestamp[] = new Array<UTCTimestamp>(bars.length);
  let previous: number | undefined;
  bars.forEach((bar, index) => {
    const time = chartTimeOf(bar.time, previous);
    previous = time;
    const converted = toChartBar(bar, time, tickSize, colors);
    candles[index] = converted.candle;
    volumes[index] = converted.volume;
    times[index] = time;
  });
  return { candles, volumes, times };
}

/** Chart times of the first bar of each trading day after the first (where a break is drawn). */
export function sessionStarts(bars: readonly BarView[], times: readonly UTCTimestamp[]): UTCTimestamp[] {
  const starts: UTCTimestamp[] = [];
  let day: number | undefined;
  bars.forEach((bar, index) => {
    const current = tradingDayNumber(bar.time);
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
