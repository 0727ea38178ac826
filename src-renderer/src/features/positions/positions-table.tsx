import { useState } from 'react';
import { formatPrice } from '../../../../src-shared/domain/money';
import type { AppError } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { DataTable, type Column } from '../../components/data-table';
import { InlineAlert } from '../../components/inline-alert';
import { Money, Ticks } from '../../components/signed-value';
import { createSortStore } from '../../lib/sort-store';
import { useWorkspaceActions } from '../../lib/workspace-store';
import { usePositionRows, type PositionRow } from './queries';

type PositionColumn = 'symbol' | 'side' | 'size' | 'average' | 'last' | 'ticks' | 'dollars' | 'realized' | 'actions';

const { useSort, useSortActions } = createSortStore<PositionColumn>('positions', { column: 'symbol', direction: 'ascending' });

/** Open positions with live P&L in ticks and dollars; flatten or reverse a row. */
export function PositionsTable() {
  const api = useTerminalApi();
  const { rows, accountId } = usePositionRows();
  const sort = useSort();
  const sortActions = useSortActions();
  const workspace = useWorkspaceActions();
  const [error, setError] = useState<AppError | undefined>(undefined);

  const act = async (channel: 'positions.flatten' | 'positions.reverse', symbol: string) => {
    setError(undefined);
    const result = await api.invoke(channel, { accountId, symbol });
    if (!result.ok) setError(result.error);
  };

  const columns: Column<PositionRow, PositionColumn>[] = [
    {
      id: 'symbol',
      label: 'Contract',
      sortValue: (row) => row.summary.contract.name,
      render: (row) => (
        <button type="button" className="link-button" onClick={() => workspace.symbolActivated(row.summary.contract.symbol)}>
          {row.summary.contract.name}
        </button>
      ),
    },
    {
      id: 'side',
      label: 'Side',
      sortValue: (row) => Math.sign(row.summary.position.size),
      render: (row) => <span className={row.summary.position.size > 0 ? 'side-buy' : 'side-sell'}>{row.summary.position.size > 0 ? 'Long' : 'Short'}</span>,
    },
    {
      id: 'size',
      label: 'Size',
      align: 'right',
      sortValue: (row) => Math.abs(row.summary.position.size),
      render: (row) => <span className="num">{Math.abs(row.summary.position.size)}</span>,
    },
    {
      id: 'average',
      label: 'Avg',
      align: 'right',
      sortValue: (row) => row.summary.position.averageTicks,
      render: (row) => <span className="num">{formatPrice(Math.round(row.summary.position.averageTicks), row.summary.contract.tickSize)}</span>,
    },
    {
      id: 'last',
      label: 'Last',
      align: 'right',
      sortValue: (row) => row.markTicks,
      render: (row) => <span className="num">{row.markTicks === null ? '—' : formatPrice(row.markTicks, row.summary.contract.tickSize)}</span>,
    },
    { id: 'ticks', label: 'P&L t', align: 'right', sortValue: (row) => row.openTicks, render: (row) => <Ticks ticks={row.openTicks} /> },
    {
      id: 'dollars',
      label: 'P&L $',
      align: 'right',
      sortValue: (row) => row.openCents,
      render: (row) => <Money cents={row.openCents} testId="position-pnl" />,
    },
    {
      id: 'realized',
      label: 'Realized',
      align: 'right',
      sortValue: (row) => row.summary.realizedCents,
      render: (row) => <Money cents={row.summary.realizedCents} />,
    },
    {
      id: 'actions',
      label: '',
      align: 'right',
      render: (row) => (
        <span className="row-actions">
          <button type="button" className="mini-button" data-testid="position-reverse" onClick={() => void act('positions.reverse', row.summary.contract.id)}>
            Reverse
          </button>
          <button
            type="button"
            className="mini-button danger"
            data-testid="position-flatten"
            onClick={() => void act('positions.flatten', row.summary.contract.id)}
          >
            Flatten
          </button>
        </span>
      ),
    },
  ];

  return (
    <div className="tab-content">
      <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="positions-error" />
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => row.summary.contract.id}
        sort={sort}
        onSort={sortActions.columnClicked}
        empty="No open positions"
        testId="positions-table"
        rowTestId="position-row"
      />
    </div>
  );
}
