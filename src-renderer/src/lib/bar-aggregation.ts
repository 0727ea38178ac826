import type { BarView } from '../../../src-shared/domain/trading';
import { tradingDayNumber } from './chicago-time';
import type { Timeframe } from './timeframes';

/** One trade price seen on the tape, with the volume traded since the previous one. */
export interface TapePrint {
  readonly time: number;
  readonly priceTicks: number;
  readonly volume: number;
}

/** The outcome of folding a print into the current bar. */
export interface AggregatedBar {
  readonly bar: BarView;
  /** True when the print opened a new bar; false when it updated the last one. */
  readonly opened: boolean;
}

/**
 * Start of the bar a print belongs to, on the grid of the last bar the broker sent (its bars may
 * be aligned to the session rather than to the clock). Daily bars follow the 17:00 CT roll.
 */
export function bucketStart(last: BarView, time: number, frame: Timeframe): number {
  if (frame.unit === 'day' || frame.unit === 'week' || frame.unit === 'month') {
    return tradingDayNumber(time) === tradingDayNumber(last.time) ? last.time : time;
  }
  if (time < last.time + frame.milliseconds) return last.time;
  return last.time + Math.floor((time - last.time) / frame.milliseconds) * frame.milliseconds;
}

/**
 * Folds a print into the chart's last bar: updates it while the print falls inside it, opens a new
 * bar after it, and ignores prints older than the last bar (late ticks after a reconnect).
 */
export function aggregatePrint(last: BarView | undefined, print: TapePrint, frame: Timeframe): AggregatedBar | undefined {
  if (last === undefined) {
    const start = Math.floor(print.time / frame.milliseconds) * frame.milliseconds;
    return { bar: { time: start, open: print.priceTicks, high: print.priceTicks, low: print.priceTicks, close: print.priceTicks, volume: print.volume }, opened: true };
  }
  if (print.time < last.time) return undefined;
  const start = bucketStart(last, print.time, frame);
  if (start === last.time) {
    return {
      bar: {
        time: last.time,
        open: last.open,
        high: Math.max(last.high, print.priceTicks),
        low: Math.min(last.low, print.priceTicks),
        close: print.priceTicks,
        volume: last.volume + print.volume,
      },
      opened: false,
    };
  }
  return { bar: { time: start, open: print.priceTicks, high: print.priceTicks, low: print.priceTicks, close: print.priceTicks, volume: print.volume }, opened: true };
}

/**
 * Volume traded between two quotes from the day's cumulative volume; a drop (the day rolled, or
 * the feed restarted) counts as no volume rather than a negative one.
 */
export function volumeBetween(previous: number | null | undefined, current: number | null): number {
  if (current === null || previous === null || previous === undefined) return 0;
  return current >= previous ? current - previous : 0;
}

/**
 * Merges an older page of history in front of the bars already loaded, dropping the overlap, so
 * scroll-back never duplicates or reorders a bar.
 */
export function prependHistory(older: readonly BarView[], loaded: readonly BarView[]): BarView[] {
  const first = loaded[0];
  if (first === undefined) return [...older];
  const before = older.filter((bar) => bar.time < first.time);
  return before.length === 0 ? [...loaded] : [...before, ...loaded];
}
