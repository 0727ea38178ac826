import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../../../src-shared/exchange';
import { SessionCalendar } from './session-calendar';

const calendar = () => new SessionCalendar({ openMinutes: 17 * 60, closeMinutes: 15 * 60 + 10, flattenMarginMs: 120_000, timeZone: 'America/Chicago' });
const chicago = (time: number | null) => (time === null ? null : formatLocal(time, 'America/Chicago'));

describe('the session calendar', () => {
  it('is tradable from 17:00 to 15:08 CT on a regular weekday and flattens at 15:08', () => {
    const state = calendar().state(Date.parse('2026-11-18T16:00:00Z'), 'equity');

    expect(state.tradable).toBe(true);
    expect(chicago(state.flattenAt)).toBe('2026-11-18 15:08 CT');
    expect(chicago(state.closesAt)).toBe('2026-11-18 15:10 CT');
  });

  it('is closed between 15:08 and 17:00 CT and over the weekend', () => {
    const sessions = calendar();
    const afterClose = sessions.state(Date.parse('2026-11-18T21:09:00Z'), 'equity');
    const saturday = sessions.state(Date.parse('2026-11-21T18:00:00Z'), 'equity');

    expect(afterClose.tradable).toBe(false);
    expect(chicago(afterClose.opensAt)).toBe('2026-11-18 17:00 CT');
    expect(chicago(saturday.opensAt)).toBe('2026-11-22 17:00 CT');
  });

  it('follows daylight saving time (15:08 CDT is 20:08Z, 15:08 CST is 21:08Z)', () => {
    expect(calendar().state(Date.parse('2026-07-15T16:00:00Z'), 'equity').flattenAt).toBe(Date.parse('2026-07-15T20:08:00Z'));
    expect(calendar().state(Date.parse('2026-11-18T16:00:00Z'), 'equity').flattenAt).toBe(Date.parse('2026-11-18T21:08:00Z'));
  });

  it('closes for a holiday and shortens an early-halt day by group', () => {
    const sessions = calendar();
    const christmas = sessions.state(Date.parse('2026-12-25T16:00:00Z'), 'equity');
    const mlkEquity = sessions.state(Date.parse('2026-01-19T15:00:00Z'), 'equity');
    const mlkEnergy = sessions.state(Date.parse('2026-01-19T15:00:00Z'), 'energy');

    expect(christmas.tradable).toBe(false);
    expect(chicago(christmas.opensAt)).toBe('2026-12-27 17:00 CT');
    expect(chicago(mlkEquity.flattenAt)).toBe('2026-01-19 11:58 CT');
    expect(chicago(mlkEnergy.flattenAt)).toBe('2026-01-19 13:28 CT');
  });

  it('keeps the Good Friday 2026 equity session (to 08:15 CT) while energy is closed', () => {
    const sessions = calendar();
    const thursdayNight = Date.parse('2026-04-03T02:00:00Z');

    expect(sessions.state(thursdayNight, 'equity').tradable).toBe(true);
    expect(chicago(sessions.state(thursdayNight, 'equity').flattenAt)).toBe('2026-04-03 08:13 CT');
    expect(sessions.state(thursdayNight, 'energy').tradable).toBe(false);
  });

  it('names the next change of state for the timer', () => {
    expect(chicago(calendar().nextChange(Date.parse('2026-11-18T16:00:00Z'), ['equity', 'energy']))).toBe('2026-11-18 15:08 CT');
  });
});
