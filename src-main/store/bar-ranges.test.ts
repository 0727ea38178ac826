import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingRanges, type TimeRange } from './bar-ranges';

const rangeArbitrary = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 40 })).map(([start, length]): TimeRange => [start, start + length]);

function inAny(point: number, ranges: readonly TimeRange[]): boolean {
  return ranges.some(([start, end]) => point >= start && point < end);
}

describe('missingRanges', () => {
  it('returns the whole request when nothing is covered', () => {
    expect(missingRanges([], 10, 20)).toEqual([[10, 20]]);
  });

  it('returns the gaps between, before and after covered ranges', () => {
    expect(
      missingRanges(
        [
          [30, 40],
          [12, 15],
        ],
        10,
        50,
      ),
    ).toEqual([
      [10, 12],
      [15, 30],
      [40, 50],
    ]);
  });

  it('returns nothing for an empty or inverted request', () => {
    expect(missingRanges([], 20, 20)).toEqual([]);
    expect(missingRanges([], 30, 20)).toEqual([]);
  });

  it('splits the request into cached and missing parts that cover it exactly once', () => {
    fc.assert(
      fc.property(fc.array(rangeArbitrary, { maxLength: 8 }), rangeArbitrary, (covered, [from, to]) => {
        // Act
        const missing = missingRanges(covered, from, to);

        // Assert: sorted, non-empty, disjoint, not touching, inside the request.
        missing.forEach(([start, end], index) => {
          expect(start).toBeLessThan(end);
          expect(start).toBeGreaterThanOrEqual(from);
          expect(end).toBeLessThanOrEqual(to);
          const previous = missing[index - 1];
          if (previous !== undefined) expect(previous[1]).toBeLessThan(start);
        });
        // Every point of the request is either cached or missing, never both.
        for (let point = from; point < to; point++) {
          expect(inAny(point, covered) !== inAny(point, missing)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
