import { fromChartSeconds, toChartSeconds } from './chicago-time';

const dayMs = 86_400_000;

/** The exchange (Chicago) calendar date of an instant, as `YYYY-MM-DD`. */
export function exchangeDateText(epochMs: number): string {
  return new Date(toChartSeconds(epochMs) * 1000).toISOString().slice(0, 10);
}

/** The instant of 00:00 Chicago time on a `YYYY-MM-DD` date, or undefined for text that is not a date. */
export function exchangeMidnight(dateText: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (match === null) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(wall) || new Date(wall).toISOString().slice(0, 10) !== dateText) return undefined;
  return fromChartSeconds(wall / 1000);
}

/** The instants a date range covers: from 00:00 CT of the first day to 00:00 CT after the last. */
export function exchangeDateRange(fromText: string, toText: string): { from: number; to: number } | undefined {
  const from = exchangeMidnight(fromText);
  const last = exchangeMidnight(toText);
  if (from === undefined || last === undefined) return undefined;
  const to = exchangeMidnight(exchangeDateText(last + dayMs + 12 * 3_600_000));
  return to === undefined || to <= from ? undefined : { from, to };
}

/** The date `days` calendar days before a date text. */
export function daysBefore(dateText: string, days: number): string {
  const midnight = exchangeMidnight(dateText);
  return midnight === undefined ? dateText : exchangeDateText(midnight - days * dayMs + 12 * 3_600_000);
}

/** A duration as a trader reads it: `45s`, `12m 05s`, `3h 20m`, `2d 4h`. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
