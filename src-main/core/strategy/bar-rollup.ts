import type { StrategySeries } from '../../../src-shared/domain/strategies';
import type { BarUnit, BarView } from '../../../src-shared/domain/trading';
import { barStart, nextDayRoll } from '../../../src-shared/exchange';

const fixedMs: Partial<Record<BarUnit, number>> = { second: 1000, minute: 60_000, hour: 3_600_000 };
const dayMs = 86_400_000;

/** The fixed length of a series' bars in ms, or undefined for days, weeks and months. */
export function fixedBarMs(series: StrategySeries): number | undefined {
  const unit = fixedMs[series.unit];
  return unit === undefined ? undefined : unit * series.unitNumber;
}

/** When the bar opening at `start` closes (the next bar's open; calendar units follow the 17:00 CT roll). */
export function barEnd(start: number, series: StrategySeries): number {
  const fixed = fixedBarMs(series);
  if (fixed !== undefined) return start + fixed;
  let end = start;
  for (let step = 0; step < series.unitNumber; step++) {
    if (series.unit === 'day') end = nextDayRoll(end);
    else if (series.unit === 'week') end = barStart(end + 7 * dayMs + dayMs / 2, 'week', 1);
    else end = barStart(end + 35 * dayMs, 'month', 1);
  }
  return end;
}

/**
 * Builds bars of a longer series from closed bars of a shorter one (five 1-minute bars make a
 * 5-minute bar). A bar is emitted as soon as the base bar that ends it closes; a bucket left
 * unfinished by a gap is emitted when the next bucket starts.
 */
export class BarRollup {
  private current: { time: number; end: number; open: number; high: number; low: number; close: number; volume: number } | null = null;
  private readonly fixed: number | undefined;

  public constructor(public readonly series: StrategySeries) {
    this.fixed = fixedBarMs(series);
  }

  /** Adds a closed base bar that closes at `closeTime`; calls `emit` for each bar of the series it completes. */
  public add(bar: BarView, closeTime: number, emit: (bar: BarView) => void): void {
    let current = this.current;
    if (current !== null && bar.time >= current.end) {
      emit(this.take(current));
      current = null;
    }
    if (current === null) {
      const start = this.fixed === undefined ? barStart(bar.time, this.series.unit, this.series.unitNumber) : Math.floor(bar.time / this.fixed) * this.fixed;
      current = { time: start, end: barEnd(start, this.series), open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume };
      this.current = current;
    } else {
      if (bar.high > current.high) current.high = bar.high;
      if (bar.low < current.low) current.low = bar.low;
      current.close = bar.close;
      current.volume += bar.volume;
    }
    if (closeTime >= current.end) emit(this.take(current));
  }

  private take(current: NonNullable<BarRollup['current']>): BarView {
    this.current = null;
    return { time: current.time, open: current.open, high: current.high, low: current.low, close: current.close, volume: current.volume };
  }
}
