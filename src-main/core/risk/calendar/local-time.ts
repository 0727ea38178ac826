import { TZDate } from '@date-fns/tz';

/** Wall-clock parts of an instant in a time zone. */
export interface LocalParts {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

/** Parses `HH:MM` into minutes since midnight. */
export function clockMinutes(text: string): number {
  const [hours = '0', minutes = '0'] = text.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The local date, weekday and minute of an instant. */
export function localParts(time: number, timeZone: string): LocalParts {
  const local = new TZDate(time, timeZone);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    weekday: local.getDay(),
    minutes: local.getHours() * 60 + local.getMinutes(),
  };
}

/** The instant of a local date (`YYYY-MM-DD`) at `minutes` after local midnight, DST-aware. */
export function localInstant(date: string, minutes: number, timeZone: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, 0, timeZone).getTime();
}

/** The instant of a local `YYYY-MM-DDTHH:MM`. */
export function localDateTime(text: string, timeZone: string): number {
  const [date = '', time = '00:00'] = text.split('T');
  return localInstant(date, clockMinutes(time), timeZone);
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** The weekday (0 = Sunday) of a local date. */
export function weekdayOf(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Formats an instant as `2026-11-18 17:00 CT` (seconds only when not on the minute). */
export function formatLocal(time: number, timeZone: string): string {
  const local = new TZDate(time, timeZone);
  const seconds = local.getSeconds();
  const clock = `${pad(local.getHours())}:${pad(local.getMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  const zone = timeZone === 'America/Chicago' ? 'CT' : timeZone;
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${clock} ${zone}`;
}
