import { describe, expect, it } from 'vitest';
import { daysBefore, exchangeDateRange, exchangeDateText, exchangeMidnight, formatDuration } from './exchange-dates';

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

  it('writes durations from seconds to days', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(725_000)).toBe('12m 05s');
    expect(formatDuration(3 * 3_600_000 + 20 * 60_000)).toBe('3h 20m');
    expect(formatDuration(52 * 3_600_000)).toBe('2d 4h');
  });
});
