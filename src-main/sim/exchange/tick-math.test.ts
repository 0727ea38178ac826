import { describe, expect, it } from 'vitest';
import { productBySymbol, type ProductSpec } from './product-catalogue';
import { centsToDollars, priceToTicks, ticksToCents, ticksToPrice } from './tick-math';

function spec(symbol: string): ProductSpec {
  const found = productBySymbol(symbol);
  if (found === undefined) throw new Error(symbol);
  return found;
}

describe('tick math', () => {
  it('accepts grid prices and refuses off-grid ones', () => {
    expect(priceToTicks(spec('ES'), 6002.25)).toBe(24_009);
    expect(priceToTicks(spec('ES'), 6002.3)).toBeNull();
    expect(priceToTicks(spec('6E'), 1.17)).toBe(23_400);
    expect(priceToTicks(spec('6E'), 1.17001)).toBeNull();
    expect(priceToTicks(spec('ZN'), 112.015625)).toBe(7169);
    expect(priceToTicks(spec('CL'), Number.NaN)).toBeNull();
  });

  it('prints tick counts without float noise', () => {
    expect(ticksToPrice(spec('CL'), 5641)).toBe(56.41);
    expect(ticksToPrice(spec('GC'), 36_091)).toBe(3609.1);
    expect(ticksToPrice(spec('6E'), 23_081)).toBe(1.15405);
  });

  it('turns ticks into integer cents with the tick value', () => {
    expect(ticksToCents(spec('ES'), -21, 25)).toBe(-656_250);
    expect(ticksToCents(spec('MNQ'), 7, 3)).toBe(1050);
    expect(ticksToCents(spec('MYM'), 1, 1)).toBe(50);
    expect(centsToDollars(-656_250)).toBe(-6562.5);
  });

  it('rounds ZN half cents away from zero', () => {
    expect(ticksToCents(spec('ZN'), 1, 1)).toBe(1563);
    expect(ticksToCents(spec('ZN'), -1, 1)).toBe(-1563);
    expect(ticksToCents(spec('ZN'), 2, 1)).toBe(3125);
  });
});
