import { TZDate } from '@date-fns/tz';
import { chicagoInstant, chicagoPartsOf, exchangeTimeZone } from './chicago-time';

/** When the trading day rolls, in exchange time. */
export interface DayRoll {
  readonly hour: number;
  readonly minute: number;
  readonly timeZone: string;
}

/** CME's roll: 17:00 Chicago time, DST-aware. */
export const cmeDayRoll: DayRoll = { hour: 17, minute: 0, timeZone: exchangeTimeZone };

/**
 * The trading day an instant belongs to, as `YYYY-MM-DD`: after the roll it is the next calendar
 * day (Sunday 18:00 CT trades for Monday).
 */
export function tradingDayOf(time: number, roll: DayRoll = cmeDayRoll): string {
  const local = new TZDate(time, roll.timeZone);
  const minutes = local.getHours() * 60 + local.getMinutes();
  const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 12, 0, 0, roll.timeZone);
  if (minutes >= roll.hour * 60 + roll.minute) day.setDate(day.getDate() + 1);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The instant the trading day containing `time` started (the previous roll), epoch ms. */
export function tradingDayStart(time: number, roll: DayRoll = cmeDayRoll): number {
  const local = new TZDate(time, roll.timeZone);
  const start = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), roll.hour, roll.minute, 0, roll.timeZone);
  if (start.getTime() > time) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** The next roll strictly after `time`, epoch ms. */
export function nextDayRoll(time: number, roll: DayRoll = cmeDayRoll): number {
  const start = new TZDate(tradingDayStart(time, roll), roll.timeZone);
  start.setDate(start.getDate() + 1);
  return new TZDate(start.getFullYear(), start.getMonth(), start.getDate(), roll.hour, roll.minute, 0, roll.timeZone).getTime();
}

/**
 * `tradingDayOf` with the last day's window remembered: instants inside it (almost every fill and
 * event) are answered without time-zone arithmetic.
 */
export function cachedTradingDayOf(roll: DayRoll = cmeDayRoll): (time: number) => string {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let day = '';
  return (time) => {
    if (time >= start && time < end) return day;
    start = tradingDayStart(time, roll);
    end = nextDayRoll(time, roll);
    day = tradingDayOf(time, roll);
    return day;
  };
}

/**
 * The CME trade date of an instant as a day number (days since 1970-01-01): the Globex day that
 * starts at 17:00 CT belongs to the next calendar date, so 16:59 and 17:00 CT differ by one.
 */
export function tradeDateOf(epochMs: number): number {
  const parts = chicagoPartsOf(epochMs);
  return parts.minuteOfDay >= cmeDayRoll.hour * 60 + cmeDayRoll.minute ? parts.dayNumber + 1 : parts.dayNumber;
}

/** `tradeDateOf` with the last trade date's span remembered, for callers that ask in time order. */
export class TradeDateLookup {
  private start = 0;
  private end = 0;
  private tradeDate = 0;

  /** The trade date of an instant. */
  public of(epochMs: number): number {
    if (epochMs >= this.start && epochMs < this.end) return this.tradeDate;
    const tradeDate = tradeDateOf(epochMs);
    this.tradeDate = tradeDate;
    this.start = chicagoInstant(tradeDate - 1, cmeDayRoll.hour, cmeDayRoll.minute);
    this.end = chicagoInstant(tradeDate, cmeDayRoll.hour, cmeDayRoll.minute);
    return tradeDate;
  }
}
