import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarAccumulator } from './bar-accumulator';
import { printsOfSecond } from './second-prints';

const secondBar = fc
  .record({
    open: fc.integer({ min: 1000, max: 2000 }),
    move: fc.integer({ min: -8, max: 8 }),
    up: fc.integer({ min: 0, max: 4 }),
    down: fc.integer({ min: 0, max: 4 }),
    volume: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ open, move, up, down, volume }) => {
    const close = open + move;
    // Wicks need prints of their own: the generator only adds them to busy seconds.
    const wicks = volume >= 4 ? { up, down } : { up: 0, down: 0 };
    return { open, close, high: Math.max(open, close) + wicks.up, low: Math.min(open, close) - wicks.down, volume: Math.max(volume, 2) };
  });

describe('prints of a second', () => {
  it('aggregate back to exactly the second bar they came from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }), secondBar, (key, second, bar) => {
        // Act
        const prints = printsOfSecond(key, second, bar.open, bar.high, bar.low, bar.close, bar.volume);
        const accumulator = new BarAccumulator();
        for (const print of prints) accumulator.addPrint(print.priceTicks, print.size);

        // Assert
        expect([accumulator.open, accumulator.high, accumulator.low, accumulator.close, accumulator.volume]).toEqual([
          bar.open,
          bar.high,
          bar.low,
          bar.close,
          bar.volume,
        ]);
        expect(prints.every((print) => print.ms >= second * 1000 && print.ms < second * 1000 + 1000)).toBe(true);
        expect(prints.every((print, index) => index === 0 || print.ms >= (prints[index - 1]?.ms ?? 0))).toBe(true);
      }),
    );
  });

  it('marks up-ticks as buyer-initiated and down-ticks as seller-initiated', () => {
    const prints = printsOfSecond(3, 1_787_000_000, 100, 103, 99, 103, 20);
    prints.forEach((print, index) => {
      const previous = prints[index - 1];
      if (previous === undefined || previous.priceTicks === print.priceTicks) return;
      expect(print.aggressor).toBe(print.priceTicks > previous.priceTicks ? 0 : 1);
    });
  });

  it('returns nothing for a second without volume', () => {
    expect(printsOfSecond(1, 1_787_000_000, 100, 100, 100, 100, 0)).toEqual([]);
  });
});
