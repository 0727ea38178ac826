import { tzOffset } from '@date-fns/tz';

/** The exchange's time zone: CME futures trade and roll their day on Chicago time. */
export const exchangeTimeZone = 'America/Chicago';

const hourMs = 3_600_000;
const offsetByHour = new Map<number, number>();

/** Chicago's offset from UTC in milliseconds at an instant (DST-aware, cached per hour). */
export function chicagoOffsetMs(epochMs: number): number {
  const hour = Math.floor(epochMs / hourMs);
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  const offset = tzOffset(exchangeTimeZone, new Date(hour * hourMs)) * 60_000;
  if (offsetByHour.size > 50_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/**
 * Chart time for an instant: seconds on a clock that reads Chicago wall time as if it were UTC.
 * The chart labels its axis in UTC, so shifting the data shows exchange time on the axis.
 */
export function toChartSeconds(epochMs: number): number {
  return Math.floor((epochMs + chicagoOffsetMs(epochMs)) / 1000);
}

/** The instant a chart time stands for (inverse of toChartSeconds away from DST folds). */
export function fromChartSeconds(chartSeconds: number): number {
  const wall = chartSeconds * 1000;
  const guess = wall - chicagoOffsetMs(wall);
  return wall - chicagoOffsetMs(guess);
}

/** Hours after Chicago midnight at which the CME trading day rolls over. */
export const dayRollHour = 17;

/**
 * The trading day an instant belongs to, as a day number on Chicago wall time: the day starts at
 * 17:00 CT the evening before, so 16:59 and 17:00 CT fall on different days.
 */
export function tradingDayNumber(epochMs: number): number {
  const wall = epochMs + chicagoOffsetMs(epochMs);
  return Math.floor((wall + (24 - dayRollHour) * hourMs) / (24 * hourMs));
}

const clockFormat = new Intl.DateTimeFormat('en-US', { timeZone: exchangeTimeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const dateFormat = new Intl.DateTimeFormat('en-US', { timeZone: exchangeTimeZone, month: 'short', day: '2-digit' });

/** `HH:MM:SS` in Chicago time. */
export function formatChicagoClock(epochMs: number): string {
  return clockFormat.format(new Date(epochMs));
}

/** `Nov 18 09:31:02` in Chicago time. */
export function formatChicagoStamp(epochMs: number): string {
  return `${dateFormat.format(new Date(epochMs))} ${clockFormat.format(new Date(epochMs))}`;
}

/** A countdown such as `4:05:09` or `0:42` for a number of milliseconds (never negative). */
export function formatCountdown(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}
