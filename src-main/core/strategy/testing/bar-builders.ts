import type { BarView } from '../../../../src-shared/domain/trading';

/** Builders for crafted bar series in tests (not a test file itself). */

/** Wednesday 2026-11-18 08:30 CT: the regular session opens. */
export const regularOpen = Date.parse('2026-11-18T14:30:00Z');
/** One minute, in ms. */
export const minute = 60_000;

/** One bar in ticks; volume defaults to 100. */
export function bar(time: number, open: number, high: number, low: number, close: number, volume = 100): BarView {
  return { time, open, high, low, close, volume };
}

/** Minute bars from `(open, high, low, close)` rows, starting at `start`. */
export function minuteBars(start: number, rows: readonly (readonly [number, number, number, number])[]): BarView[] {
  return rows.map(([open, high, low, close], index) => bar(start + index * minute, open, high, low, close));
}

/** Minute bars that close at each given price, each bar spanning its open (the previous close) to its close. */
export function closesToBars(start: number, closes: readonly number[], spreadTicks = 1): BarView[] {
  let previous = closes[0] ?? 0;
  return closes.map((close, index) => {
    const open = previous;
    previous = close;
    return bar(start + index * minute, open, Math.max(open, close) + spreadTicks, Math.min(open, close) - spreadTicks, close);
  });
}
