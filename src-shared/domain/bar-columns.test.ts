import { describe, expect, it } from 'vitest';
import { fromBarColumns, toBarColumns } from './bar-columns';
import type { BarView } from './trading';

const bars: BarView[] = [
  { time: 60_000, open: 100, high: 104, low: 99, close: 103, volume: 12 },
  { time: 120_000, open: 103, high: 103, low: 97, close: 98, volume: 30 },
];

describe('bar columns', () => {
  it('carries bars as one array per field, in order, and back unchanged', () => {
    const columns = toBarColumns(bars);

    expect(columns).toEqual({ time: [60_000, 120_000], open: [100, 103], high: [104, 103], low: [99, 97], close: [103, 98], volume: [12, 30] });
    expect(fromBarColumns(JSON.parse(JSON.stringify(columns)))).toEqual(bars);
  });

  it('refuses columns of unequal length, naming the short one', () => {
    expect(() => fromBarColumns({ ...toBarColumns(bars), close: [103] })).toThrow(/close has 1 values, time has 2/);
  });
});
