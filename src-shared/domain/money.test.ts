import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, dollarsToCents, formatCents, formatPrice, priceToTicks, ticksToCents, ticksToPrice } from './money';

describe('ticks and cents', () => {
  it('converts on-grid prices to whole ticks for every tick size the gateway uses', () => {
    expect(priceToTicks(6335.25, 0.25)).toBe(25341);
    expect(priceToTicks(6335.25, 0.25)).toBe(25341);
    expect(priceToTicks(72.41, 0.01)).toBe(7241);
    expect(priceToTicks(2401.3, 0.1)).toBe(24013);
    expect(priceToTicks(1.17255, 0.00005)).toBe(23451);
    expect(priceToTicks(110.5078125, 0.0078125)).toBe(14145);
    expect(priceToTicks(0.0000035, 5e-7)).toBe(7);
  });

  it('refuses prices off the tick grid instead of rounding them', () => {
    expect(priceToTicks(6335.3, 0.25)).toBeUndefined();
    expect(priceToTicks(7700.004, 0.25)).toBeUndefined();
    expect(priceToTicks(72.4101, 0.01)).toBeUndefined();
    expect(priceToTicks(72.415, 0.01)).toBeUndefined();
    expect(priceToTicks(Number.NaN, 0.25)).toBeUndefined();
    expect(priceToTicks(100, 0)).toBeUndefined();
  });

  it('converts ticks back to prices without float noise', () => {
    expect(ticksToPrice(25341, 0.25)).toBe(6335.25);
    expect(ticksToPrice(24013, 0.1)).toBe(2401.3);
    expect(formatPrice(7241, 0.01)).toBe('72.41');
    expect(decimalsOf(5e-7)).toBe(7);
  });

  it('gives the same price as the decimal text of the tick count, and back, for every tick size in use', () => {
    const tickSizes = [0.25, 0.01, 0.1, 0.00005, 0.0078125, 5e-7, 0.5, 1, 0.005, 0.001];
    fc.assert(
      fc.property(fc.constantFrom(...tickSizes), fc.integer({ min: -5_000_000, max: 50_000_000 }), (tickSize, ticks) => {
        const price = ticksToPrice(ticks, tickSize);

        expect(price).toBe(Number((ticks * tickSize).toFixed(decimalsOf(tickSize))));
        expect(priceToTicks(price, tickSize)).toBe(ticks);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps money in integer cents', () => {
    expect(dollarsToCents(-49.0)).toBe(-4900);
    expect(dollarsToCents(0.37)).toBe(37);
    expect(ticksToCents(-12, 2, 1250)).toBe(-30000);
    expect(formatCents(-41250)).toBe('-$412.50');
    expect(formatCents(123456789)).toBe('$1,234,567.89');
  });

  it("keeps ZN's $15.625 tick exact: 20 ticks on 10 lots is $3,125.00, not $3,126.00", () => {
    const tickValueCents = dollarsToCents(15.625);

    expect(tickValueCents).toBe(1562.5);
    expect(ticksToCents(20, 10, tickValueCents ?? 0)).toBe(312_500);
    expect(formatCents(ticksToCents(20, 10, tickValueCents ?? 0))).toBe('$3,125.00');
    expect(formatCents(ticksToCents(1, 1, tickValueCents ?? 0))).toBe('$15.63');
    expect(dollarsToCents(Number.NaN)).toBeUndefined();
  });
});
