/** Which way a column sorts. */
export type SortDirection = 'ascending' | 'descending';

/** A column's sort state. */
export interface SortState<Column extends string> {
  readonly column: Column;
  readonly direction: SortDirection;
}

/** A value a table sorts by: numbers and text, with missing values always last. */
export type SortValue = number | string | null | undefined;

function compareValues(left: SortValue, right: SortValue): number {
  const leftMissing = left === null || left === undefined;
  const rightMissing = right === null || right === undefined;
  if (leftMissing || rightMissing) return leftMissing === rightMissing ? 0 : leftMissing ? 1 : -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right), 'en', { numeric: true });
}

/**
 * Sorts rows by a column (stable, missing values last in both directions), breaking ties by a
 * second key so rows do not jump around as live values change.
 */
export function sortRows<Row, Column extends string>(
  rows: readonly Row[],
  sort: SortState<Column>,
  valueOf: (row: Row, column: Column) => SortValue,
  tieBreak: (row: Row) => SortValue,
): Row[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, sort.column), tie: tieBreak(row) }))
    .sort((left, right) => {
      const leftMissing = left.value === null || left.value === undefined;
      const rightMissing = right.value === null || right.value === undefined;
      const byValue = leftMissing || rightMissing ? compareValues(left.value, right.value) : sign * compareValues(left.value, right.value);
      if (byValue !== 0) return byValue;
      const byTie = compareValues(left.tie, right.tie);
      return byTie !== 0 ? byTie : left.index - right.index;
    })
    .map((entry) => entry.row);
}

/** The sort after a click on a column header: a new column sorts descending, the same one flips. */
export function nextSort<Column extends string>(current: SortState<Column>, clicked: Column): SortState<Column> {
  if (current.column !== clicked) return { column: clicked, direction: 'descending' };
  return { column: clicked, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
