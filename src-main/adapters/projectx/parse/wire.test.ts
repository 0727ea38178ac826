import { describe, expect, it } from 'vitest';
import { averageTicks, parseBrokerTime } from './wire';

describe('broker timestamps', () => {
  it('reads 0 to 7 fractional digits and both Z and +00:00, truncating to milliseconds', () => {
    expect(parseBrokerTime('2026-08-19T20:49:25+00:00')).toBe(Date.UTC(2026, 7, 19, 20, 49, 25));
    expect(parseBrokerTime('2025-06-05T15:49:52.68+00:00')).toBe(Date.UTC(2025, 5, 5, 15, 49, 52, 680));
    expect(parseBrokerTime('2026-02-26T14:30:05.16776+00:00')).toBe(Date.UTC(2026, 1, 26, 14, 30, 5, 167));
    expect(parseBrokerTime('2026-08-19T20:49:25.3938333+00:00')).toBe(Date.UTC(2026, 7, 19, 20, 49, 25, 393));
    expect(parseBrokerTime('2026-08-19T20:49:25.3938333Z')).toBe(Date.UTC(2026, 7, 19, 20, 49, 25, 393));
  });

  it('gives the same instant for one timestamp serialised with different precision', () => {
    expect(parseBrokerTime('2025-06-11T03:32:38.1732663+00:00')).toBe(parseBrokerTime('2025-06-11T03:32:38.173266+00:00'));
  });

  it('treats the .NET default 0001-01-01 and malformed text as unknown', () => {
    expect(parseBrokerTime('0001-01-01T00:00:00+00:00')).toBeUndefined();
    expect(parseBrokerTime('yesterday')).toBeUndefined();
  });

  it('reads a timestamp without a zone as UTC', () => {
    expect(parseBrokerTime('2026-08-19T20:49:25')).toBe(Date.UTC(2026, 7, 19, 20, 49, 25));
  });
});

describe('average prices in ticks', () => {
  it('is exact on the grid and fractional between ticks', () => {
    expect(averageTicks(6027.75, 0.25)).toBe(24111);
    expect(averageTicks(6027.875, 0.25)).toBe(24111.5);
    expect(averageTicks(0.0000015, 5e-7)).toBe(3);
  });
});
