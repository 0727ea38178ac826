import { describe, expect, it } from 'vitest';
import { formatAverageCents, formatProfitFactor, formatRate, formatSharpe, formatSignedCents } from './statistics-format';

describe('statistics formatting', () => {
  it('writes rates, factors and ratios the way a trading journal does', () => {
    expect(formatRate(0.625)).toBe('62.5%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatProfitFactor(1.876, 12)).toBe('1.88');
    expect(formatProfitFactor(null, 3)).toBe('∞');
    expect(formatProfitFactor(null, 0)).toBe('—');
    expect(formatSharpe(null)).toBe('—');
    expect(formatSharpe(1.234)).toBe('1.23');
  });

  it('rounds fractional money to the cent and signs gains', () => {
    expect(formatAverageCents(1234.6)).toBe('$12.35');
    expect(formatSignedCents(125_000)).toBe('+$1,250.00');
    expect(formatSignedCents(-41_250)).toBe('-$412.50');
  });
});
