import { isWeekday } from './calendar-days';
import { chicagoInstant } from './chicago-time';
import { closuresOf, regularSession, type ProductGroup, type TimeSpan } from './holidays';
import { productGroupOf } from './products';
import { tradeDateOf } from './trading-day';

/** A span when the market trades: epoch milliseconds, `end` excluded. */
export type OpenInterval = TimeSpan;

// How far to look for the previous or next session; the longest closure in the data is 4 days.
const searchDays = 15;
const openHour = Math.floor(regularSession.openMinutes / 60);
const openMinute = regularSession.openMinutes % 60;
const closeHour = Math.floor(regularSession.closeMinutes / 60);
const closeMinute = regularSession.closeMinutes % 60;

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
export class MarketSessions {
  private readonly closures: readonly OpenInterval[];
  private readonly byTradeDate = new Map<number, readonly OpenInterval[]>();
  private lastHit: OpenInterval | null = null;

  public constructor(public readonly group: ProductGroup) {
    this.closures = closuresOf(group);
  }

  /** The open intervals of a trade date (empty on weekends and full closures), in time order. */
  public intervals(tradeDate: number): readonly OpenInterval[] {
    const cached = this.byTradeDate.get(tradeDate);
    if (cached !== undefined) return cached;
    let pieces: OpenInterval[] = [];
    if (isWeekday(tradeDate)) {
      pieces = [{ start: chicagoInstant(tradeDate - 1, openHour, openMinute), end: chicagoInstant(tradeDate, closeHour, closeMinute) }];
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

const shared = new Map<ProductGroup, MarketSessions>();

/** The shared session calendar of a product group. */
export function marketSessionsOf(group: ProductGroup): MarketSessions {
  let sessions = shared.get(group);
  if (sessions === undefined) {
    sessions = new MarketSessions(group);
    shared.set(group, sessions);
  }
  return sessions;
}

/** Whether a product group's market trades at an instant (regular week, daily halt, holidays). */
export function isMarketOpen(epochMs: number, group: ProductGroup): boolean {
  return marketSessionsOf(group).isOpen(epochMs);
}

/**
 * Whether any of these products trades at an instant; each is a symbol (`ZN`) or a ProjectX
 * contract id (`CON.F.US.TYA.Z26`). With none given, the equity session answers.
 */
export function isAnyMarketOpen(epochMs: number, symbolsOrContractIds: Iterable<string>): boolean {
  const groups = new Set<ProductGroup>();
  for (const key of symbolsOrContractIds) groups.add(productGroupOf(key));
  if (groups.size === 0) groups.add('equity');
  for (const group of groups) if (isMarketOpen(epochMs, group)) return true;
  return false;
}
