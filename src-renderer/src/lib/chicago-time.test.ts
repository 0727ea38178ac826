import { describe, expect, it } from 'vitest';
import { chicagoOffsetMs, formatChicagoClock, formatCountdown, fromChartSeconds, toChartSeconds, tradingDayNumber } from './chicago-time';

describe('exchange time', () => {
  it('shifts chart times to Chicago wall time in winter and in summer', () => {
    const winter = Date.parse('2026-11-18T16:00:00Z');
    const summer = Date.parse('2026-07-15T15:00:00Z');

    expect(chicagoOffsetMs(winter)).toBe(-6 * 3_600_000);
    expect(chicagoOffsetMs(summer)).toBe(-5 * 3_600_000);
    expect(new Date(toChartSeconds(winter) * 1000).toISOString()).toBe('2026-11-18T10:00:00.000Z');
    expect(new Date(toChartSeconds(summer) * 1000).toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });

  it('maps chart times back to the instant they show', () => {
    const instant = Date.parse('2026-03-09T14:30:00Z');

    expect(fromChartSeconds(toChartSeconds(instant))).toBe(instant);
  });

  it('rolls the trading day at 17:00 Chicago time', () => {
    const beforeRoll = Date.parse('2026-11-18T22:59:59Z');
    const atRoll = Date.parse('2026-11-18T23:00:00Z');
    const nextMorning = Date.parse('2026-11-19T15:00:00Z');

    expect(tradingDayNumber(atRoll)).toBe(tradingDayNumber(beforeRoll) + 1);
    expect(tradingDayNumber(nextMorning)).toBe(tradingDayNumber(atRoll));
  });

  it('formats clocks in Chicago time and countdowns without negatives', () => {
    expect(formatChicagoClock(Date.parse('2026-11-18T16:00:05Z'))).toBe('10:00:05');
    expect(formatCountdown(3_909_000)).toBe('1:05:09');
    expect(formatCountdown(42_000)).toBe('0:42');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
