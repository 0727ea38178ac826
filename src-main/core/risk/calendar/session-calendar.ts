import { addDays, localInstant, localParts, marketSessionsOf, parseIsoDay, weekdayOfIso, type ProductGroup } from '../../../../src-shared/exchange';

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

/**
 * The allowed trading stretches per product group: the trader's window (default 17:00-15:10 CT,
 * Sunday evening to Friday) inside the exchange's sessions for the group (the regular Globex week
 * minus CME holiday closures and early halts, from the exchange module). DST-aware; answers are
 * cached per stretch, so a lookup is usually a comparison.
 */
export class SessionCalendar {
  private readonly cache = new Map<ProductGroup, CachedState>();

  public constructor(private readonly window: SessionWindow) {}

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
      if (time < start)
        return {
          from: previousEnd === Number.NEGATIVE_INFINITY ? time : previousEnd,
          until: start,
          state: { tradable: false, flattenAt: null, closesAt: null, opensAt: start },
        };
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
    const market = marketSessionsOf(group);
    const result: Interval[] = [];
    for (let offset = -1; offset <= lookAheadDays; offset++) {
      const date = addDays(today, offset);
      const weekday = weekdayOfIso(date);
      if (weekday === 0 || weekday === 6) continue;
      const overnight = openMinutes > closeMinutes;
      const windowStart = localInstant(overnight ? addDays(date, -1) : date, openMinutes, timeZone);
      const windowEnd = localInstant(date, closeMinutes, timeZone);
      for (const open of market.intervals(parseIsoDay(date))) {
        const start = Math.max(windowStart, open.start);
        const end = Math.min(windowEnd, open.end);
        if (end > start) result.push([start, end]);
      }
    }
    return result.sort((a, b) => a[0] - b[0]);
  }
}
