import type { ReactNode } from 'react';
import { sortRows, type SortState, type SortValue } from '../lib/sorting';

/** One column of a data table. */
export interface Column<Row, Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly align?: 'left' | 'right' | 'center';
  /** The value the column sorts by; columns without one do not sort. */
  readonly sortValue?: (row: Row) => SortValue;
  readonly render: (row: Row) => ReactNode;
  readonly title?: string;
}

/** A dense, sortable table of live rows. */
export function DataTable<Row, Id extends string>({
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  empty,
  testId,
  rowTestId,
  onRowClick,
  selectedKey,
}: {
  columns: readonly Column<Row, Id>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort: SortState<Id>;
  onSort(column: Id): void;
  empty: string;
  testId: string;
  rowTestId: string;
  /** Makes rows selectable: called with the clicked row. */
  onRowClick?(row: Row): void;
  /** The key of the selected row, highlighted. */
  selectedKey?: string;
}) {
  const sortColumn = columns.find((column) => column.id === sort.column);
  const sorted = sortColumn?.sortValue === undefined ? rows : sortRows(rows, sort, (row) => sortColumn.sortValue?.(row), rowKey);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.id === sort.column;
              const sortable = column.sortValue !== undefined;
              return (
                <th
                  key={column.id}
                  className={`align-${column.align ?? 'left'}${sortable ? ' sortable' : ''}`}
                  aria-sort={active ? sort.direction : 'none'}
                  title={column.title}
                  onClick={sortable ? () => onSort(column.id) : undefined}
                >
                  {column.label}
                  {active && sortable ? <span className="sort-mark">{sort.direction === 'ascending' ? '▲' : '▼'}</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={rowKey(row)}
              data-testid={rowTestId}
              data-key={rowKey(row)}
              className={`${onRowClick === undefined ? '' : 'row-selectable'}${rowKey(row) === selectedKey ? ' row-selected' : ''}`}
              aria-selected={onRowClick === undefined ? undefined : rowKey(row) === selectedKey}
              onClick={onRowClick === undefined ? undefined : () => onRowClick(row)}
            >
              {columns.map((column) => (
                <td key={column.id} className={`align-${column.align ?? 'left'}`}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <div className="table-empty">{empty}</div> : null}
    </div>
  );
}
