import { describe, expect, it } from 'vitest';
import { formatTicks } from './price-format';

describe('price format', () => {
  it("writes ticks in the contract's format, and an average between ticks with the decimals it needs", () => {
    const es = { tickSize: 0.25 };
    const zn = { tickSize: 0.015625 };

    expect(formatTicks(29448, es)).toBe('7362.00');
    expect(formatTicks(29448.5, es)).toBe('7362.125');
    expect(formatTicks(29448.25, es)).toBe('7362.0625');
    expect(formatTicks(7040, zn)).toBe('110.000000');
    expect(formatTicks(7040.5, zn)).toBe('110.0078125');
  });

  it('prints ticks as ticks without the contract, and nothing for a missing price', () => {
    expect(formatTicks(29448, undefined)).toBe('29448t');
    expect(formatTicks(null, { tickSize: 0.25 })).toBe('');
    expect(formatTicks(undefined, { tickSize: 0.25 }, '-')).toBe('-');
  });
});
