import { describe, expect, it } from 'vitest';
import { isGlobexOpen, tradingDayStart } from './trading-hours';

describe('Globex hours', () => {
  it('is open on a Wednesday morning and closed in the daily 16:00-17:00 CT halt', () => {
    expect(isGlobexOpen(Date.parse('2026-11-18T16:00:00Z'))).toBe(true);
    expect(isGlobexOpen(Date.parse('2026-11-18T22:30:00Z'))).toBe(false);
    expect(isGlobexOpen(Date.parse('2026-11-18T23:00:00Z'))).toBe(true);
  });

  it('is closed from Friday 16:00 CT to Sunday 17:00 CT, across the DST switch', () => {
    expect(isGlobexOpen(Date.parse('2026-11-20T21:59:00Z'))).toBe(true);
    expect(isGlobexOpen(Date.parse('2026-11-20T22:01:00Z'))).toBe(false);
    expect(isGlobexOpen(Date.parse('2026-11-21T15:00:00Z'))).toBe(false);
    expect(isGlobexOpen(Date.parse('2026-11-22T22:59:00Z'))).toBe(false);
    expect(isGlobexOpen(Date.parse('2026-11-22T23:00:00Z'))).toBe(true);
    expect(isGlobexOpen(Date.parse('2026-07-19T22:00:00Z'))).toBe(true);
  });

  it('starts the trading day at the latest 17:00 CT', () => {
    expect(tradingDayStart(Date.parse('2026-11-18T16:00:00Z'))).toBe(Date.parse('2026-11-17T23:00:00Z'));
    expect(tradingDayStart(Date.parse('2026-11-18T23:30:00Z'))).toBe(Date.parse('2026-11-18T23:00:00Z'));
    expect(tradingDayStart(Date.parse('2026-07-15T15:00:00Z'))).toBe(Date.parse('2026-07-14T22:00:00Z'));
  });
});
