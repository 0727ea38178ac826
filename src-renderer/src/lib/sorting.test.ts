import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sorting';

interface Row {
  readonly id: number;
  readonly symbol: string;
  readonly pnl: number | null;
}

const rows: Row[] = [
  { id: 1, symbol: 'NQ', pnl: 50 },
  { id: 2, symbol: 'ES', pnl: null },
  { id: 3, symbol: 'MNQ', pnl: -20 },
  { id: 4, symbol: '6E', pnl: 50 },
];

function valueOf(row: Row, column: 'symbol' | 'pnl'): number | string | null {
  return column === 'symbol' ? row.symbol : row.pnl;
}

describe('table sorting', () => {
  it('sorts numbers descending with missing values last and ties broken by the second key', () => {
    const sorted = sortRows(rows, { column: 'pnl', direction: 'descending' }, valueOf, (row) => row.id);

    expect(sorted.map((row) => row.id)).toEqual([1, 4, 3, 2]);
  });

  it('keeps missing values last when ascending too', () => {
    const sorted = sortRows(rows, { column: 'pnl', direction: 'ascending' }, valueOf, (row) => row.id);

    expect(sorted.map((row) => row.id)).toEqual([3, 1, 4, 2]);
  });

  it('sorts text naturally', () => {
    const sorted = sortRows(rows, { column: 'symbol', direction: 'ascending' }, valueOf, (row) => row.id);

    expect(sorted.map((row) => row.symbol)).toEqual(['6E', 'ES', 'MNQ', 'NQ']);
  });

  it('sorts a newly clicked column descending and flips the same column', () => {
    const first = nextSort({ column: 'symbol', direction: 'ascending' }, 'pnl');

    expect(first).toEqual({ column: 'pnl', direction: 'descending' });
    expect(nextSort(first, 'pnl')).toEqual({ column: 'pnl', direction: 'ascending' });
  });
});
