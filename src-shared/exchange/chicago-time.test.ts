import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './calendar-days';
import { chicagoInstant, chicagoPartsOf, TradeDateLookup, tradeDateOf } from './chicago-time';

describe('Chicago time', () => {
  it('places 17:00 CT at 22:00 UTC in summer and 23:00 UTC in winter', () => {
    expect(new Date(chicagoInstant(parseIsoDay('2026-08-16'), 17, 0)).toISOString()).toBe('2026-08-16T22:00:00.000Z');
    expect(new Date(chicagoInstant(parseIsoDay('2026-01-04'), 17, 0)).toISOString()).toBe('2026-01-04T23:00:00.000Z');
  });

  it('follows the March daylight-saving switch on the Sunday open', () => {
    // 2026-03-08 is the switch day: the evening open is already on daylight time
    expect(new Date(chicagoInstant(parseIsoDay('2026-03-08'), 17, 0)).toISOString()).toBe('2026-03-08T22:00:00.000Z');
    expect(new Date(chicagoInstant(parseIsoDay('2026-03-06'), 16, 0)).toISOString()).toBe('2026-03-06T22:00:00.000Z');
  });

  it('reads the Chicago wall clock of an instant', () => {
    const parts = chicagoPartsOf(Date.parse('2026-08-19T14:30:00Z'));
    expect(parts.dayNumber).toBe(parseIsoDay('2026-08-19'));
    expect(parts.minuteOfDay).toBe(9 * 60 + 30);
  });

  it('gives the evening session to the next trade date', () => {
    // Arrange: Sunday 16:59 and 17:00 CT
    const beforeOpen = Date.parse('2026-08-16T21:59:00Z');
    const atOpen = Date.parse('2026-08-16T22:00:00Z');

    // Act & Assert
    expect(tradeDateOf(beforeOpen)).toBe(parseIsoDay('2026-08-16'));
    expect(tradeDateOf(atOpen)).toBe(parseIsoDay('2026-08-17'));
  });

  it('answers the same trade dates from the cached lookup', () => {
    const lookup = new TradeDateLookup();
    for (let ms = Date.parse('2026-03-06T00:00:00Z'); ms < Date.parse('2026-03-10T00:00:00Z'); ms += 37 * 60_000) {
      expect(lookup.of(ms)).toBe(tradeDateOf(ms));
    }
  });
});
