import { isWeekday, parseIsoDay } from './calendar-days';
import { chicagoInstant, tradeDateOf } from './chicago-time';
import { cmeHolidays, type HolidayGroup } from './holiday-schedule';

/** A product's calendar group. FX and rates are not in the holiday file; they follow the equity exceptions. */
export type SessionGroup = HolidayGroup | 'fx' | 'rates';

/** A span when the market trades: epoch milliseconds, `end` excluded. */
export interface OpenInterval {
  readonly start: number;
  readonly end: number;
}

// How far to look for the previous or next session; the longest closure in the file is 4 days.
const searchDays = 15;

function localInstant(text: string): number {
  const [hour, minute] = text.slice(11, 16).split(':').map(Number);
  return chicagoInstant(parseIsoDay(text.slice(0, 10)), hour ?? 0, minute ?? 0);
}

function closureWindows(group: SessionGroup): OpenInterval[] {
  // The file has no FX or rates column; the equity hours are the closest stand-in.
  const column: HolidayGroup = group === 'fx' || group === 'rates' ? 'equity' : group;
  return cmeHolidays
    .map((holiday) => {
      const rule = holiday.rules[column];
      const start = rule.status === 'early_halt' ? localInstant(`${holiday.date}T${rule.halt}`) : localInstant(rule.closedFrom);
      return { start, end: localInstant(rule.resume) };
    })
    .sort((left, right) => left.start - right.start);
}

function subtract(pieces: OpenInterval[], window: OpenInterval): OpenInterval[] {
  const result: OpenInterval[] = [];
  for (const piece of pieces) {
    if (window.end <= piece.start || window.start >= piece.end) {
      result.push(piece);
      continue;
    }
    if (window.start > piece.start) result.push({ start: piece.start, end: window.start });
    if (window.end < piece.end) result.push({ start: window.end, end: piece.end });
  }
  return result;
}

/**
 * The CME Globex week for one product group: Sunday-Friday 17:00-16:00 Chicago time with the daily
 * 16:00-17:00 halt, minus the holiday file's early halts and closures.
 */
export class SessionCalendar {
  private readonly closures: OpenInterval[];
  private readonly byTradeDate = new Map<number, readonly OpenInterval[]>();
  private lastHit: OpenInterval | null = null;

  public constructor(public readonly group: SessionGroup) {
    this.closures = closureWindows(group);
  }

  /** The open intervals of a trade date (empty on weekends and full closures), in time order. */
  public intervals(tradeDate: number): readonly OpenInterval[] {
    const cached = this.byTradeDate.get(tradeDate);
    if (cached !== undefined) return cached;
    let pieces: OpenInterval[] = [];
    if (isWeekday(tradeDate)) {
      pieces = [{ start: chicagoInstant(tradeDate - 1, 17, 0), end: chicagoInstant(tradeDate, 16, 0) }];
      for (const window of this.closures) pieces = subtract(pieces, window);
    }
    this.byTradeDate.set(tradeDate, pieces);
    return pieces;
  }

  /** The open interval holding an instant, or null while the market is closed. */
  public intervalAt(ms: number): OpenInterval | null {
    if (this.lastHit !== null && ms >= this.lastHit.start && ms < this.lastHit.end) return this.lastHit;
    const hit = this.intervals(tradeDateOf(ms)).find((interval) => ms >= interval.start && ms < interval.end) ?? null;
    if (hit !== null) this.lastHit = hit;
    return hit;
  }

  /** Whether the market trades at an instant. */
  public isOpen(ms: number): boolean {
    return this.intervalAt(ms) !== null;
  }

  /** The latest open instant strictly before `ms`, or null when none is near. */
  public lastOpenBefore(ms: number): number | null {
    const first = tradeDateOf(ms);
    for (let tradeDate = first; tradeDate > first - searchDays; tradeDate -= 1) {
      const intervals = this.intervals(tradeDate);
      for (let index = intervals.length - 1; index >= 0; index -= 1) {
        const interval = intervals[index];
        if (interval !== undefined && interval.start < ms) return Math.min(interval.end, ms) - 1;
      }
    }
    return null;
  }

  /** The earliest open instant at or after `ms`, or null when none is near. */
  public nextOpenAtOrAfter(ms: number): number | null {
    const first = tradeDateOf(ms);
    for (let tradeDate = first; tradeDate < first + searchDays; tradeDate += 1) {
      for (const interval of this.intervals(tradeDate)) {
        if (interval.end > ms) return Math.max(interval.start, ms);
      }
    }
    return null;
  }

  /** The latest trade date before `tradeDate` that has a session, or null when none is near. */
  public previousTradeDate(tradeDate: number): number | null {
    for (let candidate = tradeDate - 1; candidate > tradeDate - searchDays; candidate -= 1) {
      if (this.intervals(candidate).length > 0) return candidate;
    }
    return null;
  }
}
