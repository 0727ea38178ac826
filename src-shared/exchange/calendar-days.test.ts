import { describe, expect, it } from 'vitest';
import { businessDayAtOrBefore, businessDaysBefore, civilDateOf, dayNumberOf, formatIsoDay, parseIsoDay, weekdayOf } from './calendar-days';

describe('calendar days', () => {
  it('round-trips a calendar date through its day number', () => {
    // Arrange
    const dayNumber = dayNumberOf(2026, 8, 19);

    // Act
    const date = civilDateOf(dayNumber);

    // Assert
    expect(date).toEqual({ year: 2026, month: 8, day: 19 });
    expect(formatIsoDay(dayNumber)).toBe('2026-08-19');
    expect(parseIsoDay('2026-08-19')).toBe(dayNumber);
  });

  it('names the weekday with Sunday as zero', () => {
    expect(weekdayOf(parseIsoDay('2026-08-16'))).toBe(0);
    expect(weekdayOf(parseIsoDay('2026-08-19'))).toBe(3);
    expect(weekdayOf(parseIsoDay('1969-12-31'))).toBe(3);
  });

  it('counts business days back over a weekend', () => {
    // Arrange: Tuesday 2026-08-25
    const tuesday = parseIsoDay('2026-08-25');

    // Act
    const threeBefore = businessDaysBefore(tuesday, 3);

    // Assert: Thursday 2026-08-20
    expect(formatIsoDay(threeBefore)).toBe('2026-08-20');
    expect(formatIsoDay(businessDayAtOrBefore(parseIsoDay('2026-08-23')))).toBe('2026-08-21');
  });

  it('rolls month zero over to December of the year before', () => {
    expect(formatIsoDay(dayNumberOf(2027, 0, 25))).toBe('2026-12-25');
  });
});
