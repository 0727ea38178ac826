import { TZDate, tzOffset } from '@date-fns/tz';
import { civilDateOf, dayNumberOf, formatIsoDay } from './calendar-days';

/**
 * Exchange time: CME Globex keeps its day in Chicago time. Every offset comes from @date-fns/tz
 * (DST-aware); nothing here adds hours by hand. Functions that take a `timeZone` also serve the
 * trader's own session window (risk rule 009), which may be set in another zone.
 */

/** The exchange's time zone. */
export const exchangeTimeZone = 'America/Chicago';

const minuteMs = 60_000;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

const offsetByHour = new Map<number, number>();

/** Chicago's offset from UTC in milliseconds at an instant (e.g. -5 h in summer), cached per hour. */
export function chicagoOffsetMs(epochMs: number): number {
  // Zone changes happen on the hour, so one answer holds for a whole UTC hour.
  const hour = Math.floor(epochMs / hourMs);
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  const offset = tzOffset(exchangeTimeZone, new Date(hour * hourMs)) * minuteMs;
  if (offsetByHour.size > 50_000) offsetByHour.clear();
  offsetByHour.set(hour, offset);
  return offset;
}

/** Where an instant falls on the Chicago wall clock. */
export interface ChicagoParts {
  /** Day number (days since 1970-01-01) of the Chicago calendar date. */
  readonly dayNumber: number;
  /** Minutes since Chicago midnight, 0-1439. */
  readonly minuteOfDay: number;
}

/** The Chicago calendar date and minute of an instant. */
export function chicagoPartsOf(epochMs: number): ChicagoParts {
  const wall = epochMs + chicagoOffsetMs(epochMs);
  const dayNumber = Math.floor(wall / dayMs);
  return { dayNumber, minuteOfDay: Math.floor((wall - dayNumber * dayMs) / minuteMs) };
}

/** The instant of a Chicago wall-clock time on a calendar day (a day number). */
export function chicagoInstant(dayNumber: number, hour: number, minute: number): number {
  const { year, month, day } = civilDateOf(dayNumber);
  return new TZDate(year, month - 1, day, hour, minute, exchangeTimeZone).getTime();
}

/** Wall-clock parts of an instant in a time zone. */
export interface LocalParts {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Parses `HH:MM` into minutes since midnight. */
export function clockMinutes(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** The local date, weekday and minute of an instant (default: exchange time). */
export function localParts(time: number, timeZone: string = exchangeTimeZone): LocalParts {
  const local = new TZDate(time, timeZone);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    weekday: local.getDay(),
    minutes: local.getHours() * 60 + local.getMinutes(),
  };
}

/** The instant of a local date (`YYYY-MM-DD`) at `minutes` after local midnight, DST-aware. */
export function localInstant(date: string, minutes: number, timeZone: string = exchangeTimeZone): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, 0, timeZone).getTime();
}

/** The instant of a local `YYYY-MM-DDTHH:MM` (default: exchange time). */
export function localDateTime(text: string, timeZone: string = exchangeTimeZone): number {
  const [date = '', time = '00:00'] = text.split('T');
  return localInstant(date, clockMinutes(time), timeZone);
}

/** Formats an instant as `2026-11-18 17:00 CT` (seconds only when not on the minute). */
export function formatLocal(time: number, timeZone: string = exchangeTimeZone): string {
  const local = new TZDate(time, timeZone);
  const seconds = local.getSeconds();
  const clock = `${pad(local.getHours())}:${pad(local.getMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  const zone = timeZone === exchangeTimeZone ? 'CT' : timeZone;
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${clock} ${zone}`;
}

/**
 * Seconds on a clock that reads Chicago wall time as if it were UTC (a chart labels its axis in
 * UTC, so shifted data shows exchange time).
 */
export function toChicagoWallSeconds(epochMs: number): number {
  return Math.floor((epochMs + chicagoOffsetMs(epochMs)) / 1000);
}

/** The instant a Chicago wall-clock second stands for (inverse of toChicagoWallSeconds away from DST folds). */
export function fromChicagoWallSeconds(wallSeconds: number): number {
  const wall = wallSeconds * 1000;
  const guess = wall - chicagoOffsetMs(wall);
  return wall - chicagoOffsetMs(guess);
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

/** The exchange (Chicago) calendar date of an instant, as `YYYY-MM-DD`. */
export function exchangeDateText(epochMs: number): string {
  return formatIsoDay(chicagoPartsOf(epochMs).dayNumber);
}

/** The instant of 00:00 Chicago time on a `YYYY-MM-DD` date, or undefined for text that is not a date. */
export function exchangeMidnight(dateText: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (match === null) return undefined;
  const dayNumber = dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!Number.isFinite(dayNumber) || formatIsoDay(dayNumber) !== dateText) return undefined;
  return chicagoInstant(dayNumber, 0, 0);
}

/** The instants a date range covers: from 00:00 CT of the first day to 00:00 CT after the last. */
export function exchangeDateRange(fromText: string, toText: string): { from: number; to: number } | undefined {
  const from = exchangeMidnight(fromText);
  const last = exchangeMidnight(toText);
  if (from === undefined || last === undefined) return undefined;
  const to = chicagoInstant(chicagoPartsOf(last).dayNumber + 1, 0, 0);
  return to <= from ? undefined : { from, to };
}

/** The date `days` calendar days before a date text (the text itself when it is not a date). */
export function daysBefore(dateText: string, days: number): string {
  const midnight = exchangeMidnight(dateText);
  return midnight === undefined ? dateText : formatIsoDay(chicagoPartsOf(midnight).dayNumber - days);
}
