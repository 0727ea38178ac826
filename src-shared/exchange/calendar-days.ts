/**
 * Civil-date arithmetic on day numbers (days since 1970-01-01). Pure calendar maths: no time zone,
 * so a day number names a date, not an instant.
 */

const dayMs = 86_400_000;

/** A calendar date; `month` runs 1-12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The day number of a calendar date (`month` 1-12; out-of-range days and months roll over). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / dayMs);
}

/** The calendar date of a day number. */
export function civilDateOf(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * dayMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Whether the day is Monday to Friday (exchange holidays aside). */
export function isWeekday(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday >= 1 && weekday <= 5;
}

/** Parses `YYYY-MM-DD` into a day number. */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) throw new RangeError(`not an ISO date: ${text}`);
  return dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatIsoDay(dayNumber: number): string {
  return new Date(dayNumber * dayMs).toISOString().slice(0, 10);
}

/** The business day `count` weekdays before `dayNumber` (holidays are not skipped). */
export function businessDaysBefore(dayNumber: number, count: number): number {
  let day = dayNumber;
  let left = count;
  while (left > 0) {
    day -= 1;
    if (isWeekday(day)) left -= 1;
  }
  return day;
}

/** The day itself when it is a weekday, else the weekday before it. */
export function businessDayAtOrBefore(dayNumber: number): number {
  let day = dayNumber;
  while (!isWeekday(day)) day -= 1;
  return day;
}

/** A `YYYY-MM-DD` date moved by whole days. */
export function addDays(date: string, days: number): string {
  return formatIsoDay(parseIsoDay(date) + days);
}

/** The weekday (0 Sunday … 6 Saturday) of a `YYYY-MM-DD` date. */
export function weekdayOfIso(date: string): number {
  return weekdayOf(parseIsoDay(date));
}
