import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BarSeriesKey } from '../core/ports/store-port';
import type { BarView } from '../../src-shared/domain/trading';
import type { TimeRange } from './bar-ranges';
import type { SqliteStore } from './open-store';
import { queryFile } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';

const minute = 60_000;
const series: BarSeriesKey = { contractId: 'CON.F.US.EP.Z26', unit: 'minute', unitNumber: 1 };

function bar(minuteIndex: number, close = 27_000): BarView {
  return { time: minuteIndex * minute, open: close - 2, high: close + 4, low: close - 4, close, volume: 100 + minuteIndex };
}

function barsBetween(fromMinute: number, toMinute: number): BarView[] {
  return Array.from({ length: toMinute - fromMinute }, (_, index) => bar(fromMinute + index));
}

describe('bars cache', () => {
  const folder = useStoreFolder();

  it('reports the whole range missing for a series never cached', () => {
    // Arrange
    const store = folder.open();

    // Act
    const cached = store.cachedBars(series, 0, 10 * minute);

    // Assert
    expect(cached).toEqual({ bars: [], missing: [[0, 10 * minute]] });
  });

  it('returns cached bars oldest first and only the sub-ranges still missing', () => {
    // Arrange
    const store = folder.open();
    store.cacheBars(series, 10 * minute, 20 * minute, barsBetween(10, 20).reverse());

    // Act
    const cached = store.cachedBars(series, 5 * minute, 25 * minute);

    // Assert
    expect(cached.bars).toEqual(barsBetween(10, 20));
    expect(cached.missing).toEqual([
      [5 * minute, 10 * minute],
      [20 * minute, 25 * minute],
    ]);
  });

  it('merges adjacent and overlapping covered ranges into one', () => {
    // Arrange
    const store = folder.open();

    // Act
    store.cacheBars(series, 0, 10 * minute, barsBetween(0, 10));
    store.cacheBars(series, 10 * minute, 20 * minute, barsBetween(10, 20));
    store.cacheBars(series, 15 * minute, 30 * minute, barsBetween(15, 30));
    store.cacheBars(series, 40 * minute, 50 * minute, barsBetween(40, 50));

    // Assert
    expect(store.cachedBars(series, 0, 60 * minute).missing).toEqual([
      [30 * minute, 40 * minute],
      [50 * minute, 60 * minute],
    ]);
    expect(coveredRangeRows(store)).toEqual([
      [0, 30 * minute],
      [40 * minute, 50 * minute],
    ]);
  });

  it('replaces the bars of a range cached again and ignores bars outside the range', () => {
    // Arrange
    const store = folder.open();
    store.cacheBars(series, 0, 3 * minute, [bar(0), bar(1), bar(2)]);

    // Act
    store.cacheBars(series, 0, 3 * minute, [bar(0, 27_100), bar(2, 27_200), bar(7)]);

    // Assert
    expect(store.cachedBars(series, 0, 10 * minute).bars).toEqual([bar(0, 27_100), bar(2, 27_200)]);
  });

  it('keeps series of different units apart', () => {
    // Arrange
    const store = folder.open();
    store.cacheBars(series, 0, 10 * minute, barsBetween(0, 10));

    // Act
    const fiveMinute = store.cachedBars({ ...series, unitNumber: 5 }, 0, 10 * minute);

    // Assert
    expect(fiveMinute).toEqual({ bars: [], missing: [[0, 10 * minute]] });
  });

  it('after any sequence of caches, cached and missing parts tile a request exactly', () => {
    // Arrange
    const store = folder.open();
    const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 20 })).map(([start, length]): TimeRange => [start, start + length]);
    let run = 0;

    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), range, (caches, [from, to]) => {
        const key = { ...series, contractId: `CON.PROPERTY.${run++}` };
        for (const [start, end] of caches) store.cacheBars(key, start, end, []);

        // Act
        const { missing } = store.cachedBars(key, from, to);

        // Assert
        for (let point = from; point < to; point++) {
          const cached = caches.some(([start, end]) => point >= start && point < end);
          const reported = missing.some(([start, end]) => point >= start && point < end);
          expect(cached !== reported).toBe(true);
        }
        missing.forEach(([start, end], index) => {
          expect(start).toBeLessThan(end);
          const previous = missing[index - 1];
          if (previous !== undefined) expect(previous[1]).toBeLessThan(start);
        });
      }),
      { numRuns: 200 },
    );
  });
});

/** The covered ranges of the test series as stored, to check they were merged. */
function coveredRangeRows(store: SqliteStore): TimeRange[] {
  store.flush();
  return queryFile<{ from_ms: number; to_ms: number }>(
    store.file,
    'SELECT from_ms, to_ms FROM bar_ranges WHERE contract_id = ? ORDER BY from_ms',
    series.contractId,
  ).map((row): TimeRange => [row.from_ms, row.to_ms]);
}
