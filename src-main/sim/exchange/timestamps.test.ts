import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barTimestamp, marketTimestamp, parseTimestamp, Stamper } from './timestamps';

describe('timestamps', () => {
  it('prints user-event stamps with up to seven fractional digits and +00:00', () => {
    const stamp = new Stamper().stamp(Date.parse('2026-08-19T20:49:25.393Z'));
    expect(stamp).toMatch(/^2026-08-19T20:49:25\.393\d{0,4}\+00:00$/);
  });

  it('never repeats or goes backwards within one millisecond', () => {
    const stamper = new Stamper();
    const ms = Date.parse('2026-08-19T20:49:25.393Z');
    const stamps = Array.from({ length: 50 }, () => stamper.stamp(ms));
    const sorted = [...stamps].sort();
    expect(new Set(stamps).size).toBe(50);
    expect(stamps).toEqual(sorted.map((stamp) => stamp));
  });

  it('drops trailing zeros on market times and bars', () => {
    expect(marketTimestamp(Date.parse('2026-07-31T19:32:13.720Z'))).toBe('2026-07-31T19:32:13.72+00:00');
    expect(marketTimestamp(Date.parse('2026-07-31T19:32:13.000Z'))).toBe('2026-07-31T19:32:13+00:00');
    expect(barTimestamp(Date.parse('2026-08-19T20:51:00.000Z'))).toBe('2026-08-19T20:51:00+00:00');
  });

  it('stamps any bar instant with its whole second, whatever instant came before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), { minLength: 1, maxLength: 20 }),
        (instants) => {
          for (const ms of instants) expect(barTimestamp(ms)).toBe(`${new Date(ms).toISOString().slice(0, 19)}+00:00`);
        },
      ),
    );
  });

  it('parses any ISO offset and refuses nonsense', () => {
    expect(parseTimestamp('2026-08-19T15:51:00-05:00')).toBe(Date.parse('2026-08-19T20:51:00Z'));
    expect(parseTimestamp('yesterday')).toBeNull();
  });
});
