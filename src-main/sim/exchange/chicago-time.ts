import { TZDate, tzOffset } from '@date-fns/tz';
import { civilDateOf } from './calendar-days';

/** CME Globex keeps its day in Chicago time. */
export const exchangeTimeZone = 'America/Chicago';

const minuteMs = 60_000;
const dayMs = 86_400_000;

/** Where an instant falls on the Chicago wall clock. */
export interface ChicagoParts {
  /** Day number of the Chicago calendar date. */
  readonly dayNumber: number;
  /** Minutes since Chicago midnight, 0-1439. */
  readonly minuteOfDay: number;
}

/** The Chicago offset from UTC in minutes at an instant (e.g. -300 in summer). */
export function chicagoOffsetMinutes(ms: number): number {
  return tzOffset(exchangeTimeZone, new Date(ms));
}

/** The Chicago calendar date and minute of an instant. */
export function chicagoPartsOf(ms: number): ChicagoParts {
  const local = ms + chicagoOffsetMinutes(ms) * minuteMs;
  const dayNumber = Math.floor(local / dayMs);
  return { dayNumber, minuteOfDay: Math.floor((local - dayNumber * dayMs) / minuteMs) };
}

/** The instant of a Chicago wall-clock time on a calendar day. */
export function chicagoInstant(dayNumber: number, hour: number, minute: number): number {
  const { year, month, day } = civilDateOf(dayNumber);
  return new TZDate(year, month - 1, day, hour, minute, exchangeTimeZone).getTime();
}

/**
 * The trade date of an instant: the Globex day that starts at 17:00 Chicago time belongs to the
 * next calendar date (Sunday evening trades for Monday).
 */
export function tradeDateOf(ms: number): number {
  const parts = chicagoPartsOf(ms);
  return parts.minuteOfDay >= 17 * 60 ? parts.dayNumber + 1 : parts.dayNumber;
}

/** `tradeDateOf` with the last trade date's span remembered, for callers that ask in time order. */
export class TradeDateLookup {
  private start = 0;
  private end = 0;
  private tradeDate = 0;

  /** The trade date of an instant. */
  public of(ms: number): number {
    if (ms >= this.start && ms < this.end) return this.tradeDate;
    const tradeDate = tradeDateOf(ms);
    this.tradeDate = tradeDate;
    this.start = chicagoInstant(tradeDate - 1, 17, 0);
    this.end = chicagoInstant(tradeDate, 17, 0);
    return tradeDate;
  }
}
