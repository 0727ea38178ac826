import { cmeHolidays, holidayTimeZone, regularGlobexSession, type HolidayDay, type HolidayGroup } from './cme-holidays';
import { addDays, clockMinutes, localDateTime, localInstant, localParts, weekdayOf } from './local-time';
import type { ProductGroup } from './product-groups';

/** The trader's allowed session (risk rule 009), in wall-clock minutes of its time zone. */
export interface SessionWindow {
  readonly openMinutes: number;
  readonly closeMinutes: number;
  readonly flattenMarginMs: number;
  readonly timeZone: string;
}

/** Where an instant stands in a product group's session. */
export interface SessionState {
  /** True when new exposure may be taken: inside an open stretch and before its flatten time. */
  readonly tradable: boolean;
  /** While open: the end of the open stretch minus the margin (when rule 009 flattens). */
  readonly flattenAt: number | null;
  /** While open: the end of the open stretch. */
  readonly closesAt: number | null;
  /** The start of the next open stretch after this instant's. */
  readonly opensAt: number;
}

type Interval = readonly [number, number];

interface CachedState {
  readonly from: number;
  readonly until: number;
  readonly state: SessionState;
}

const lookAheadDays = 14;
const exchangeOpen = clockMinutes(regularGlobexSession.open);
const exchangeClose = clockMinutes(regularGlobexSession.close);

/** Closures of one group as instants, from the holiday data. */
function closuresOf(group: HolidayGroup, days: readonly HolidayDay[]): Interval[] {
  return days
    .map((day): Interval => {
      const session = day.sessions[group];
      const from = session.status === 'closed' ? localDateTime(session.closedFrom, holidayTimeZone) : localInstant(day.date, clockMinutes(session.halt), holidayTimeZone);
      return [from, localDateTime(session.resume, holidayTimeZone)];
    })
    .sort((a, b) => a[0] - b[0]);
}

function subtract(interval: Interval, closures: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [interval];
  for (const [from, to] of closures) {
    if (to <= interval[0] || from >= interval[1]) continue;
    pieces = pieces.flatMap(([start, end]): Interval[] => {
      if (to <= start || from >= end) return [[start, end]];
      const kept: Interval[] = [];
      if (from > start) kept.push([start, from]);
      if (to < end) kept.push([to, end]);
      return kept;
    });
  }
  return pieces;
}

/**
 * The allowed trading stretches per product group: the trader's window (default 17:00-15:10 CT,
 * Sunday evening to Friday) inside the regular Globex week, minus the group's holiday closures and
 * early halts. DST-aware; answers are cached per stretch, so a lookup is usually a comparison.
 */
export class SessionCalendar {
  private readonly closures = new Map<ProductGroup, Interval[]>();
  private readonly cache = new Map<ProductGroup, CachedState>();

  public constructor(
    private readonly window: SessionWindow,
    private readonly holidays: readonly HolidayDay[] = cmeHolidays,
  ) {}

  /** The session state of a group at an instant. */
  public state(time: number, group: ProductGroup): SessionState {
    const cached = this.cache.get(group);
    if (cached !== undefined && time >= cached.from && time < cached.until) return cached.state;
    const computed = this.compute(time, group);
    this.cache.set(group, computed);
    return computed.state;
  }

  /** The next instant after `time` when any group's state changes (a flatten time or an open). */
  public nextChange(time: number, groups: readonly ProductGroup[]): number {
    let next = Number.POSITIVE_INFINITY;
    for (const group of groups) {
      this.state(time, group);
      const cached = this.cache.get(group);
      if (cached !== undefined) next = Math.min(next, cached.until);
    }
    return next;
  }

  private compute(time: number, group: ProductGroup): CachedState {
    const stretches = this.stretches(time, group);
    const margin = this.window.flattenMarginMs;
    let previousEnd = Number.NEGATIVE_INFINITY;
    for (const [index, [start, end]] of stretches.entries()) {
      const nextStart = stretches[index + 1]?.[0] ?? Number.POSITIVE_INFINITY;
      const flattenAt = Math.max(start, end - margin);
      if (time < start) return { from: previousEnd === Number.NEGATIVE_INFINITY ? time : previousEnd, until: start, state: { tradable: false, flattenAt: null, closesAt: null, opensAt: start } };
      if (time < flattenAt) return { from: start, until: flattenAt, state: { tradable: true, flattenAt, closesAt: end, opensAt: nextStart } };
      if (time < end) return { from: flattenAt, until: end, state: { tradable: false, flattenAt, closesAt: end, opensAt: nextStart } };
      previousEnd = end;
    }
    // Beyond the look-ahead (no data): closed, asking again in a day.
    return { from: time, until: time + 86_400_000, state: { tradable: false, flattenAt: null, closesAt: null, opensAt: time + 86_400_000 } };
  }

  /** Open stretches whose trading dates run from the day before `time` to two weeks after. */
  private stretches(time: number, group: ProductGroup): Interval[] {
    const { openMinutes, closeMinutes, timeZone } = this.window;
    const today = localParts(time, timeZone).date;
    const closures = this.closuresOf(group);
    const result: Interval[] = [];
    for (let offset = -1; offset <= lookAheadDays; offset++) {
      const date = addDays(today, offset);
      const weekday = weekdayOf(date);
      if (weekday === 0 || weekday === 6) continue;
      const overnight = openMinutes > closeMinutes;
      const windowStart = localInstant(overnight ? addDays(date, -1) : date, openMinutes, timeZone);
      const windowEnd = localInstant(date, closeMinutes, timeZone);
      const exchangeStart = localInstant(addDays(date, -1), exchangeOpen, holidayTimeZone);
      const exchangeEnd = localInstant(date, exchangeClose, holidayTimeZone);
      const start = Math.max(windowStart, exchangeStart);
      const end = Math.min(windowEnd, exchangeEnd);
      if (end > start) result.push(...subtract([start, end], closures));
    }
    return result.sort((a, b) => a[0] - b[0]);
  }

  private closuresOf(group: ProductGroup): Interval[] {
    if (group === 'other') return [];
    let known = this.closures.get(group);
    if (known === undefined) {
      known = closuresOf(group, this.holidays);
      this.closures.set(group, known);
    }
    return known;
  }
}
