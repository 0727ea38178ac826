/**
 * Timestamp text as the gateway prints it: `2026-08-19T20:49:25.3938333+00:00` on orders, trades
 * and positions (seven fractional digits, trailing zeros dropped as .NET does), milliseconds on
 * market data, whole seconds on bars.
 */

function fraction(digits: string): string {
  const trimmed = digits.replace(/0+$/, '');
  return trimmed.length === 0 ? '' : `.${trimmed}`;
}

/** Millisecond precision, e.g. `2026-07-31T19:32:13.72+00:00`. */
export function marketTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}${fraction(iso.slice(20, 23))}+00:00`;
}

/** Whole seconds, e.g. `2026-08-19T20:51:00+00:00` (bar times). */
export function barTimestamp(ms: number): string {
  // A history answer stamps up to 20,000 bars, mostly of the same few days: the date part is kept.
  const day = Math.floor(ms / dayMs);
  if (day !== stampedDay) {
    stampedDay = day;
    stampedDate = new Date(day * dayMs).toISOString().slice(0, 11);
  }
  const second = Math.floor((ms - day * dayMs) / 1000);
  return `${stampedDate}${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}+00:00`;
}

const dayMs = 86_400_000;
let stampedDay = Number.NaN;
let stampedDate = '';

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Issues seven-digit timestamps that never repeat and never go backwards: the sub-millisecond
 * digits climb within one millisecond and restart from a deterministic value in the next.
 */
export class Stamper {
  private lastMs = Number.NEGATIVE_INFINITY;
  private lastSub = 0;
  private count = 0;

  /** The stamp for an instant (epoch ms). */
  public stamp(ms: number): string {
    this.count += 1;
    if (ms === this.lastMs) {
      this.lastSub = Math.min(9999, this.lastSub + 1 + ((this.count * 7919) % 97));
    } else {
      this.lastMs = ms;
      this.lastSub = (this.count * 2654435761) % 6000;
    }
    const iso = new Date(ms).toISOString();
    const digits = `${iso.slice(20, 23)}${String(this.lastSub).padStart(4, '0')}`;
    return `${iso.slice(0, 19)}${fraction(digits)}+00:00`;
  }
}

/** Parses an ISO timestamp (any offset, any fraction) to epoch ms, or null. */
export function parseTimestamp(text: string): number | null {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
