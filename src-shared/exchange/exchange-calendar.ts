import { TZDate } from '@date-fns/tz';
import { chicagoOffsetMs, exchangeTimeZone } from './chicago-time';
import { nextDayRoll, tradingDayOf, tradingDayStart } from './trading-day';

const dayMs = 86_400_000;

/**
 * Exchange-time questions a strategy asks on every bar (minute of the day, trading day, weekday),
 * answered in O(1): the zone offset and the day are computed once per trading day.
 */
export class ExchangeCalendar {
  private start = 0;
  private end = Number.NEGATIVE_INFINITY;
  private offsetMs = 0;
  private day = '';
  private weekdayOfDay = 0;

  /** Minutes after exchange midnight (0..1439). */
  public minuteOfDay(time: number): number {
    this.ensure(time);
    return Math.floor(((((time + this.offsetMs) % dayMs) + dayMs) % dayMs) / 60_000);
  }

  /** The trading day, `YYYY-MM-DD` (after 17:00 CT it is the next calendar day). */
  public tradingDay(time: number): string {
    this.ensure(time);
    return this.day;
  }

  /** The weekday of the trading day (1 Monday .. 5 Friday). */
  public weekday(time: number): number {
    this.ensure(time);
    return this.weekdayOfDay;
  }

  /** When the trading day containing `time` started (the 17:00 CT roll before it). */
  public dayStart(time: number): number {
    this.ensure(time);
    return this.start;
  }

  /** The epoch ms of an exchange time of day (minutes after midnight) within the trading day of `time`; before the roll means the next calendar day. */
  public timeOn(time: number, minuteOfDay: number): number {
    this.ensure(time);
    const local = new TZDate(this.start, exchangeTimeZone);
    const rollMinutes = local.getHours() * 60 + local.getMinutes();
    const dayOffset = minuteOfDay >= rollMinutes ? 0 : 1;
    return new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + dayOffset,
      Math.floor(minuteOfDay / 60),
      minuteOfDay % 60,
      0,
      exchangeTimeZone,
    ).getTime();
  }

  private ensure(time: number): void {
    if (time >= this.start && time < this.end) return;
    this.start = tradingDayStart(time);
    this.end = nextDayRoll(time);
    // Zone changes happen at 02:00 on Sundays, when the market is closed: one offset per trading day holds.
    this.offsetMs = chicagoOffsetMs(time);
    this.day = tradingDayOf(time);
    const [year, month, date] = this.day.split('-').map(Number);
    this.weekdayOfDay = new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12, 0, 0, exchangeTimeZone).getDay();
  }
}

/** True when a minute of the day lies in [start, end); a window that wraps midnight (17:00–08:30) works too. */
export function inWindow(minuteOfDay: number, startMinute: number, endMinute: number): boolean {
  return startMinute <= endMinute ? minuteOfDay >= startMinute && minuteOfDay < endMinute : minuteOfDay >= startMinute || minuteOfDay < endMinute;
}
