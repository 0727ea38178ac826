import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './calendar-days';
import {
  chicagoInstant,
  chicagoOffsetMs,
  chicagoPartsOf,
  daysBefore,
  exchangeDateRange,
  exchangeDateText,
  exchangeMidnight,
  formatChicagoClock,
  formatChicagoStamp,
  formatLocal,
  fromChicagoWallSeconds,
  toChicagoWallSeconds,
} from './chicago-time';
import { TradeDateLookup, tradeDateOf } from './trading-day';

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

describe('exchange time for the UI', () => {
  it('shifts instants to Chicago wall time in winter and in summer', () => {
    const winter = Date.parse('2026-11-18T16:00:00Z');
    const summer = Date.parse('2026-07-15T15:00:00Z');

    expect(chicagoOffsetMs(winter)).toBe(-6 * 3_600_000);
    expect(chicagoOffsetMs(summer)).toBe(-5 * 3_600_000);
    expect(new Date(toChicagoWallSeconds(winter) * 1000).toISOString()).toBe('2026-11-18T10:00:00.000Z');
    expect(new Date(toChicagoWallSeconds(summer) * 1000).toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });

  it('maps wall-clock seconds back to the instant they show', () => {
    const instant = Date.parse('2026-03-09T14:30:00Z');

    expect(fromChicagoWallSeconds(toChicagoWallSeconds(instant))).toBe(instant);
  });

  it('formats clocks and stamps in Chicago time', () => {
    expect(formatChicagoClock(Date.parse('2026-11-18T16:00:05Z'))).toBe('10:00:05');
    expect(formatChicagoStamp(Date.parse('2026-11-18T16:00:05Z'))).toBe('Nov 18 10:00:05');
    expect(formatLocal(Date.parse('2026-11-18T23:00:00Z'))).toBe('2026-11-18 17:00 CT');
  });
});

describe('exchange dates', () => {
  it('reads a date as Chicago midnight, in winter and across the DST change', () => {
    expect(new Date(exchangeMidnight('2026-11-18') ?? 0).toISOString()).toBe('2026-11-18T06:00:00.000Z');
    expect(new Date(exchangeMidnight('2026-07-15') ?? 0).toISOString()).toBe('2026-07-15T05:00:00.000Z');
    expect(exchangeMidnight('2026-02-30')).toBeUndefined();
    expect(exchangeMidnight('yesterday')).toBeUndefined();
  });

  it('covers whole days, the last one included, even when the clocks change', () => {
    const range = exchangeDateRange('2026-10-31', '2026-11-01');

    expect(range === undefined ? undefined : new Date(range.from).toISOString()).toBe('2026-10-31T05:00:00.000Z');
    expect(range === undefined ? undefined : new Date(range.to).toISOString()).toBe('2026-11-02T06:00:00.000Z');
    expect(exchangeDateRange('2026-11-18', '2026-11-17')).toBeUndefined();
  });

  it('writes the exchange date of an instant and steps back whole days', () => {
    expect(exchangeDateText(Date.parse('2026-11-18T03:00:00Z'))).toBe('2026-11-17');
    expect(daysBefore('2026-11-18', 7)).toBe('2026-11-11');
  });
});
