import { describe, expect, it } from 'vitest';
import { clampWhole, parsePriceText, snapToTicks, ticksToWirePrice } from './ticks';

describe('tick grid', () => {
  it('snaps a dragged price to the nearest tick of the contract', () => {
    expect(snapToTicks(5000.13, 0.25)).toBe(20_001);
    expect(snapToTicks(5000.1, 0.25)).toBe(20_000);
    expect(snapToTicks(1.172_57, 0.000_05)).toBe(23_451);
    expect(snapToTicks(112.51, 0.015_625)).toBe(7201);
  });

  it('accepts typed prices on the grid and refuses the rest', () => {
    expect(parsePriceText('5,000.25', 0.25)).toBe(20_001);
    expect(parsePriceText(' 72.41 ', 0.01)).toBe(7241);
    expect(parsePriceText('5000.3', 0.25)).toBeUndefined();
    expect(parsePriceText('abc', 0.25)).toBeUndefined();
    expect(parsePriceText('', 0.25)).toBeUndefined();
  });

  it('writes tick counts back as exact decimal prices for the broker', () => {
    expect(ticksToWirePrice(20_001, 0.25)).toBe(5000.25);
    expect(ticksToWirePrice(24_013, 0.1)).toBe(2401.3);
  });

  it('clamps sizes to whole numbers within bounds', () => {
    expect(clampWhole(2.6, 1, 50)).toBe(3);
    expect(clampWhole(0, 1, 50)).toBe(1);
    expect(clampWhole(Number.NaN, 1, 50)).toBe(1);
    expect(clampWhole(99, 1, 50)).toBe(50);
  });
});
