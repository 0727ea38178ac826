import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import holidayFile from './data/cme-holidays.json';
import { cmeHolidays, holidayFileSchema, holidayGroupOf, productGroups, type HolidayGroup, type ProductGroup } from './holidays';
import { isAnyMarketOpen, isMarketOpen, marketSessionsOf } from './market-sessions';
import { productGroupOf } from './products';

const minute = 60_000;

/** A Chicago wall-clock `YYYY-MM-DDTHH:MM` as an instant, worked out here straight from the zone library. */
function chicago(text: string): number {
  const [year, month, day, hour, minutes] = text.split(/[-T:]/).map(Number);
  return new TZDate(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minutes ?? 0, 'America/Chicago').getTime();
}

interface RawSession {
  readonly status: string;
  readonly halt?: string;
  readonly closed_from?: string;
  readonly resume: string;
}

/** One row per holiday and product group, straight from the data file. */
const rows = holidayFile.days.flatMap((day) =>
  productGroups.map((group: ProductGroup) => {
    const column: HolidayGroup = holidayGroupOf(group);
    const session: RawSession = day[column];
    const closesAt = session.status === 'closed' ? chicago(session.closed_from ?? '') : chicago(`${day.date}T${session.halt ?? ''}`);
    return { date: day.date, name: day.name, group, status: session.status, closesAt, resumesAt: chicago(session.resume) };
  }),
);

describe('CME holidays 2026-2027 from the data file', () => {
  it('loads every day of the file, validated and in date order', () => {
    expect(cmeHolidays).toHaveLength(holidayFile.days.length);
    expect(cmeHolidays.map((day) => day.date)).toEqual([...holidayFile.days.map((day) => day.date)].sort());
    expect(cmeHolidays[0]?.date).toBe('2026-01-01');
    expect(cmeHolidays.at(-1)?.date).toBe('2027-12-24');
  });

  it('refuses a file with a malformed time', () => {
    const broken = { ...holidayFile, days: [{ ...holidayFile.days[0], equity: { status: 'early_halt', halt: '25:00', resume: '2026-01-01T17:00' } }] };

    expect(holidayFileSchema.safeParse(holidayFile).success).toBe(true);
    expect(holidayFileSchema.safeParse(broken).success).toBe(false);
  });

  it.each(rows)('$date $name, $group ($status): open just before, closed inside, open again at the resume', ({ group, closesAt, resumesAt }) => {
    expect(isMarketOpen(closesAt - minute, group)).toBe(true);
    expect(isMarketOpen(closesAt, group)).toBe(false);
    expect(isMarketOpen(closesAt + Math.floor((resumesAt - closesAt) / 2), group)).toBe(false);
    expect(isMarketOpen(resumesAt - minute, group)).toBe(false);
    expect(isMarketOpen(resumesAt, group)).toBe(true);
    expect(marketSessionsOf(group).nextOpenAtOrAfter(closesAt)).toBe(resumesAt);
  });
});

describe('ZN on Thanksgiving 2026', () => {
  const onePm = Date.parse('2026-11-26T19:00:00Z');

  it('is closed at 13:00 CT: rates follow the equity holiday hours, which halt at 12:00', () => {
    expect(productGroupOf('ZN')).toBe('interest_rates');
    expect(holidayGroupOf('interest_rates')).toBe('equity');
    expect(isMarketOpen(onePm, productGroupOf('ZN'))).toBe(false);
    expect(isAnyMarketOpen(onePm, ['CON.F.US.TYA.Z26'])).toBe(false);
    expect(isMarketOpen(Date.parse('2026-11-26T17:59:00Z'), 'interest_rates')).toBe(true);
    expect(isMarketOpen(Date.parse('2026-11-26T23:00:00Z'), 'interest_rates')).toBe(true);
  });

  it('leaves CL (energy, halting at 13:30) open at the same instant', () => {
    expect(isMarketOpen(onePm, productGroupOf('CL'))).toBe(true);
    expect(isAnyMarketOpen(onePm, ['CON.F.US.TYA.Z26', 'CON.F.US.CLE.F27'])).toBe(true);
  });
});
