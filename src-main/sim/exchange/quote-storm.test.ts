import { describe, expect, it } from 'vitest';
import { planQuoteStorm } from './quote-storm';

describe('quote storm', () => {
  it('spaces the prints evenly at the rate asked for, each a tick from the last', () => {
    const prints = planQuoteStorm(20_000, 1_000_000, 250, 2000, 7);

    expect(prints).toHaveLength(500);
    expect(prints[0]?.ms).toBe(1_000_004);
    expect(prints.at(-1)?.ms).toBe(1_002_000);
    let previous = 20_000;
    for (const print of prints) {
      expect(Math.abs(print.priceTicks - previous)).toBe(1);
      previous = print.priceTicks;
    }
  });

  it('stays near where it started and is the same for the same seed', () => {
    const prints = planQuoteStorm(400, 0, 1000, 10_000, 3);

    expect(Math.max(...prints.map((print) => Math.abs(print.priceTicks - 400)))).toBeLessThanOrEqual(8);
    expect(planQuoteStorm(400, 0, 1000, 10_000, 3)).toEqual(prints);
    expect(new Set(prints.map((print) => print.ms)).size).toBe(prints.length);
  });
});
