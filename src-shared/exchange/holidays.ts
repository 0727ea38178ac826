import { z } from 'zod';
import holidayFile from './data/cme-holidays.json';
import { clockMinutes, localDateTime, localInstant } from './chicago-time';

/**
 * CME Globex holiday closures and early halts for 2026 and 2027 by holiday group, read from
 * data/cme-holidays.json (a copy of the project's reference data; its `source_notes` name the
 * sources and doubts) and validated when this module loads. Times are America/Chicago wall-clock.
 */

/** The holiday groups the data file has a column for. */
export const holidayGroups = ['equity', 'energy', 'metals'] as const;
export type HolidayGroup = (typeof holidayGroups)[number];

/** The product groups of contracts.json; fx and interest_rates borrow a column (`stand_ins`). */
export const productGroups = ['equity', 'energy', 'metals', 'fx', 'interest_rates'] as const;
export type ProductGroup = (typeof productGroups)[number];

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const localStamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/);

const sessionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('closed'), closed_from: localStamp, resume: localStamp }),
  z.object({ status: z.literal('early_halt'), halt: localClock, resume: localStamp }),
]);

const daySchema = z.object({
  date: localDate,
  name: z.string().min(1),
  equity: sessionSchema,
  energy: sessionSchema,
  metals: sessionSchema,
  confirmed: z.boolean(),
  sources: z.array(z.string()),
  notes: z.string().optional(),
});

/** The shape of data/cme-holidays.json, checked when this module loads. */
export const holidayFileSchema = z.object({
  timezone: z.literal('America/Chicago'),
  regular_session: z.object({ open: localClock, close: localClock, days: z.string(), daily_halt: z.string() }),
  stand_ins: z.object({ fx: z.enum(holidayGroups), interest_rates: z.enum(holidayGroups) }),
  days: z.array(daySchema).min(1),
});

/** One group's session on a holiday. */
export type HolidaySession =
  /** No trading from `closedFrom` (local `YYYY-MM-DDTHH:MM`) until `resume`. */
  | { readonly status: 'closed'; readonly closedFrom: string; readonly resume: string }
  /** Trading stops at `halt` (HH:MM) on the holiday's date and restarts at `resume`. */
  | { readonly status: 'early_halt'; readonly halt: string; readonly resume: string };

/** One holiday or special day. */
export interface HolidayDay {
  readonly date: string;
  readonly name: string;
  /** False when the hours are inferred rather than published (all of 2027 but New Year's Day). */
  readonly confirmed: boolean;
  readonly sessions: Readonly<Record<HolidayGroup, HolidaySession>>;
}

/** A span when a market is closed or open: epoch ms, `end` excluded. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

const file = holidayFileSchema.parse(holidayFile);

function sessionOf(session: z.infer<typeof sessionSchema>): HolidaySession {
  return session.status === 'closed'
    ? { status: 'closed', closedFrom: session.closed_from, resume: session.resume }
    : { status: 'early_halt', halt: session.halt, resume: session.resume };
}

/** Every exception in the data file, in date order. */
export const cmeHolidays: readonly HolidayDay[] = file.days
  .map((day): HolidayDay => ({
    date: day.date,
    name: day.name,
    confirmed: day.confirmed,
    sessions: { equity: sessionOf(day.equity), energy: sessionOf(day.energy), metals: sessionOf(day.metals) },
  }))
  .sort((left, right) => left.date.localeCompare(right.date));

/** The regular Globex week the holidays are exceptions to: Sun-Fri, open 17:00 and close 16:00 CT (the daily halt between). */
export const regularSession = { openMinutes: clockMinutes(file.regular_session.open), closeMinutes: clockMinutes(file.regular_session.close) } as const;

/** The holiday column a product group follows. */
export function holidayGroupOf(group: ProductGroup): HolidayGroup {
  return group === 'fx' || group === 'interest_rates' ? file.stand_ins[group] : group;
}

/** The span a holiday session takes out of the regular week (`early_halt`: from the halt on the holiday's date). */
export function closureOf(day: HolidayDay, group: ProductGroup): TimeSpan {
  const session = day.sessions[holidayGroupOf(group)];
  const start = session.status === 'closed' ? localDateTime(session.closedFrom) : localInstant(day.date, clockMinutes(session.halt));
  return { start, end: localDateTime(session.resume) };
}

const closuresByGroup = new Map<ProductGroup, readonly TimeSpan[]>();

/** Every closure of a product group as instants, in time order. */
export function closuresOf(group: ProductGroup): readonly TimeSpan[] {
  let closures = closuresByGroup.get(group);
  if (closures === undefined) {
    closures = cmeHolidays.map((day) => closureOf(day, group)).sort((left, right) => left.start - right.start);
    closuresByGroup.set(group, closures);
  }
  return closures;
}
