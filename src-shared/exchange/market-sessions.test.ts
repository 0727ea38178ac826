import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './calendar-days';
import { MarketSessions } from './market-sessions';

const at = (iso: string): number => Date.parse(iso);

describe('session calendar', () => {
  const equity = new MarketSessions('equity');

  it('trades Sunday 17:00 CT to Friday 16:00 CT', () => {
    expect(equity.isOpen(at('2026-08-16T21:59:59Z'))).toBe(false);
    expect(equity.isOpen(at('2026-08-16T22:00:00Z'))).toBe(true);
    expect(equity.isOpen(at('2026-08-21T20:59:59Z'))).toBe(true);
    expect(equity.isOpen(at('2026-08-21T21:00:00Z'))).toBe(false);
    expect(equity.isOpen(at('2026-08-22T17:00:00Z'))).toBe(false);
  });

  it('halts daily from 16:00 to 17:00 CT', () => {
    expect(equity.isOpen(at('2026-08-19T20:59:00Z'))).toBe(true);
    expect(equity.isOpen(at('2026-08-19T21:30:00Z'))).toBe(false);
    expect(equity.isOpen(at('2026-08-19T22:00:00Z'))).toBe(true);
  });

  it('gives each weekday one interval and the weekend none', () => {
    const monday = equity.intervals(parseIsoDay('2026-08-17'));
    expect(monday).toEqual([{ start: at('2026-08-16T22:00:00Z'), end: at('2026-08-17T21:00:00Z') }]);
    expect(equity.intervals(parseIsoDay('2026-08-22'))).toEqual([]);
    expect(equity.intervals(parseIsoDay('2026-08-23'))).toEqual([]);
  });

  it('halts equities at 12:00 CT on Martin Luther King Day and reopens at 17:00', () => {
    expect(equity.isOpen(at('2026-01-19T17:59:00Z'))).toBe(true);
    expect(equity.isOpen(at('2026-01-19T18:00:00Z'))).toBe(false);
    expect(equity.isOpen(at('2026-01-19T23:00:00Z'))).toBe(true);
  });

  it('closes energy for Good Friday 2026 while equities trade until 08:15 CT', () => {
    // Arrange
    const energy = new MarketSessions('energy');
    const fridayEarly = at('2026-04-03T13:00:00Z');

    // Act & Assert: 08:00 CDT
    expect(equity.isOpen(fridayEarly)).toBe(true);
    expect(energy.isOpen(fridayEarly)).toBe(false);
    expect(equity.isOpen(at('2026-04-03T13:15:00Z'))).toBe(false);
    expect(equity.isOpen(at('2026-04-05T22:00:00Z'))).toBe(true);
  });

  it('stays closed from the Christmas Eve early halt until Sunday evening', () => {
    const metals = new MarketSessions('metals');
    expect(metals.isOpen(at('2026-12-24T18:40:00Z'))).toBe(true);
    expect(metals.isOpen(at('2026-12-24T18:45:00Z'))).toBe(false);
    expect(metals.intervals(parseIsoDay('2026-12-25'))).toEqual([]);
    expect(metals.isOpen(at('2026-12-27T23:00:00Z'))).toBe(true);
  });

  it('finds the last open instant before a weekend and the next open after it', () => {
    const saturday = at('2026-08-22T17:00:00Z');
    expect(equity.lastOpenBefore(saturday)).toBe(at('2026-08-21T21:00:00Z') - 1);
    expect(equity.nextOpenAtOrAfter(saturday)).toBe(at('2026-08-23T22:00:00Z'));
  });

  it('skips closed trade dates when looking for the previous session', () => {
    expect(equity.previousTradeDate(parseIsoDay('2026-08-24'))).toBe(parseIsoDay('2026-08-21'));
  });

  it('lets FX and rates follow the equity exceptions', () => {
    const rates = new MarketSessions('interest_rates');
    expect(rates.isOpen(at('2026-01-19T18:30:00Z'))).toBe(false);
  });
});
