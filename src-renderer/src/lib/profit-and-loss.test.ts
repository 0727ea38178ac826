import { describe, expect, it } from 'vitest';
import { bracketCents, formatTicks, openProfit, realizedTicks } from './profit-and-loss';

const es = { tickValueCents: 1250 };

describe('profit and loss', () => {
  it('counts open ticks in the position direction for longs and shorts', () => {
    expect(openProfit({ size: 2, averageTicks: 20_000 }, 20_008, es)).toEqual({ ticks: 8, cents: 20_000 });
    expect(openProfit({ size: -1, averageTicks: 20_000 }, 20_008, es)).toEqual({ ticks: -8, cents: -10_000 });
  });

  it('handles fractional average entries without float noise in cents', () => {
    expect(openProfit({ size: 2, averageTicks: 20_000.5 }, 20_002, es)).toEqual({ ticks: 1.5, cents: 3750 });
  });

  it('prices bracket risk and reward', () => {
    expect(bracketCents(12, 2, 1250)).toBe(30_000);
  });

  it('derives realized ticks from realized cents and writes signed ticks', () => {
    expect(realizedTicks(-30_000, 2, 1250)).toBe(-12);
    expect(formatTicks(12)).toBe('+12 t');
    expect(formatTicks(-3.5)).toBe('-3.5 t');
    expect(formatTicks(0)).toBe('0 t');
  });
});
