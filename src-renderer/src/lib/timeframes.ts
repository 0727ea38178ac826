import type { BarUnit } from '../../../src-shared/domain/trading';

/** A chart timeframe: how the broker's history API names it and how long one bar lasts. */
export interface Timeframe {
  readonly id: string;
  readonly label: string;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  /** Length of one bar in milliseconds (a trading day for daily bars). */
  readonly milliseconds: number;
}

function timeframe(id: string, unit: BarUnit, unitNumber: number, unitMs: number): Timeframe {
  return { id, label: id, unit, unitNumber, milliseconds: unitNumber * unitMs };
}

/** Every timeframe the chart offers, from one second to one day. */
export const timeframes: readonly Timeframe[] = [
  timeframe('1s', 'second', 1, 1000),
  timeframe('5s', 'second', 5, 1000),
  timeframe('15s', 'second', 15, 1000),
  timeframe('30s', 'second', 30, 1000),
  timeframe('1m', 'minute', 1, 60_000),
  timeframe('2m', 'minute', 2, 60_000),
  timeframe('5m', 'minute', 5, 60_000),
  timeframe('15m', 'minute', 15, 60_000),
  timeframe('30m', 'minute', 30, 60_000),
  timeframe('1h', 'hour', 1, 3_600_000),
  timeframe('4h', 'hour', 4, 3_600_000),
  timeframe('1D', 'day', 1, 86_400_000),
];

const defaultTimeframe = timeframes[4] ?? timeframe('1m', 'minute', 1, 60_000);

/** The timeframe with an id, or one minute when the id is unknown (an old saved layout). */
export function timeframeById(id: string): Timeframe {
  return timeframes.find((candidate) => candidate.id === id) ?? defaultTimeframe;
}

/** True for bars shorter than a day, where session breaks are drawn. */
export function isIntraday(frame: Timeframe): boolean {
  return frame.unit === 'second' || frame.unit === 'minute' || frame.unit === 'hour';
}
