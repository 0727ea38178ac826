import { describe, expect, it } from 'vitest';
import { formatIsoDay } from './calendar-days';
import { cachedTradingDayOf, nextDayRoll, tradeDateOf, tradingDayOf, tradingDayStart } from './trading-day';

describe('trading day', () => {
  it('rolls at 17:00 Chicago time in winter (CST, UTC-6)', () => {
    expect(tradingDayOf(Date.parse('2026-11-18T22:59:00Z'))).toBe('2026-11-18');
    expect(tradingDayOf(Date.parse('2026-11-18T23:00:00Z'))).toBe('2026-11-19');
  });

  it('rolls at 17:00 Chicago time in summer (CDT, UTC-5)', () => {
    expect(tradingDayOf(Date.parse('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(tradingDayOf(Date.parse('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });

  it('counts Sunday evening for Monday', () => {
    expect(tradingDayOf(Date.parse('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });

  it('finds the start of the day and the next roll across a DST change', () => {
    // DST ends on 2026-11-01: the roll before is 22:00Z, the one after 23:00Z.
    const sundayNoon = Date.parse('2026-11-01T18:00:00Z');

    expect(new Date(tradingDayStart(sundayNoon)).toISOString()).toBe('2026-10-31T22:00:00.000Z');
    expect(new Date(nextDayRoll(sundayNoon)).toISOString()).toBe('2026-11-01T23:00:00.000Z');
  });

  it('answers the same as tradingDayOf when it remembers the window', () => {
    const cached = cachedTradingDayOf();
    const instants = [0, 22, 23, 24, 47, 48, 70, 71, 72].map((hours) => Date.parse('2026-10-31T12:00:00Z') + hours * 3_600_000);

    expect(instants.map(cached)).toEqual(instants.map((time) => tradingDayOf(time)));
  });
});

describe('trade date numbers', () => {
  it('rolls the trade date at 17:00 Chicago time', () => {
    const beforeRoll = Date.parse('2026-11-18T22:59:59Z');
    const atRoll = Date.parse('2026-11-18T23:00:00Z');
    const nextMorning = Date.parse('2026-11-19T15:00:00Z');

    expect(tradeDateOf(atRoll)).toBe(tradeDateOf(beforeRoll) + 1);
    expect(tradeDateOf(nextMorning)).toBe(tradeDateOf(atRoll));
    expect(formatIsoDay(tradeDateOf(atRoll))).toBe(tradingDayOf(atRoll));
  });
});
