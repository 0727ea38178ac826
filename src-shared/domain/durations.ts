/**
 * The one way the terminal writes a duration or a countdown, in the tray, the CLI and the UI alike:
 * the two largest units, the second one two digits wide.
 *
 *   12s      under a minute
 *   4m 09s   under an hour
 *   2h 05m   under a day
 *   3d 04h   a day or more
 *
 * Whole seconds are rounded up, so a countdown never reads `0s` while anything remains (and a lock
 * with 59.5 s left still reads `1m 00s`); a negative duration reads `0s`.
 */
export function formatDuration(milliseconds: number): string {
  const total = Number.isFinite(milliseconds) ? Math.max(0, Math.ceil(milliseconds / 1000)) : 0;
  const two = (value: number): string => String(value).padStart(2, '0');
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m ${two(total % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${two(minutes % 60)}m`;
  return `${Math.floor(hours / 24)}d ${two(hours % 24)}h`;
}
