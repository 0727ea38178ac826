import type { StrategyView } from '../../../../src-shared/domain/strategies';
import { DataTable, type Column } from '../../components/data-table';
import { Money } from '../../components/signed-value';
import { createSortStore } from '../../lib/sort-store';
import { useContractsById } from '../../lib/queries/trading-queries';
import { StrategyControls, type useStrategyLifecycle } from './strategy-controls';
import { positionText, reasonText, statusText } from './strategy-format';

type StrategyColumn = 'name' | 'contract' | 'status' | 'position' | 'open' | 'working' | 'net' | 'trades' | 'actions';

const { useSort, useSortActions } = createSortStore<StrategyColumn>('strategies', { column: 'name', direction: 'ascending' });

/** The account's strategies: state with its reason, position, working orders, today's P&L and trades, lifecycle buttons. */
export function StrategiesTable({
  strategies,
  selectedId,
  onSelect,
  lifecycle,
}: {
  strategies: readonly StrategyView[];
  selectedId: string | undefined;
  onSelect(id: string): void;
  lifecycle: ReturnType<typeof useStrategyLifecycle>;
}) {
  const sort = useSort();
  const sortActions = useSortActions();
  const contracts = useContractsById(strategies.map((strategy) => strategy.contractId));
  const columns: Column<StrategyView, StrategyColumn>[] = [
    {
      id: 'name',
      label: 'Strategy',
      sortValue: (row) => row.name,
      render: (row) => (
        <span className="strategy-name">
          <span className="strong">{row.name}</span>
          {row.name.includes(row.id) ? null : <span className="muted"> · {row.id}</span>}
        </span>
      ),
    },
    { id: 'contract', label: 'Contract', sortValue: (row) => row.symbol, render: (row) => contracts.get(row.contractId)?.name ?? row.symbol },
    {
      id: 'status',
      label: 'State',
      sortValue: (row) => row.status,
      render: (row) => {
        const reason = reasonText(row);
        return (
          <span className="strategy-state" title={reason}>
            <span className={`status strategy-status-${row.status}`} data-testid="strategy-status" data-status={row.status}>
              {statusText(row)}
            </span>
            {reason === undefined ? null : (
              <span className="strategy-reason" data-testid="strategy-reason">
                {reason}
              </span>
            )}
          </span>
        );
      },
    },
    {
      id: 'position',
      label: 'Position',
      sortValue: (row) => row.position.size,
      render: (row) => (
        <span className={`num ${row.position.size > 0 ? 'side-buy' : row.position.size < 0 ? 'side-sell' : 'muted'}`} data-testid="strategy-position">
          {positionText(row, contracts.get(row.contractId)?.tickSize)}
        </span>
      ),
    },
    {
      id: 'open',
      label: 'Open',
      align: 'right',
      sortValue: (row) => row.position.openCents,
      render: (row) => <Money cents={row.position.size === 0 ? undefined : row.position.openCents} />,
    },
    {
      id: 'working',
      label: 'Orders',
      align: 'right',
      title: 'Working orders',
      sortValue: (row) => row.workingOrders,
      render: (row) => (
        <span className="num" data-testid="strategy-working">
          {row.workingOrders}
        </span>
      ),
    },
    {
      id: 'net',
      label: 'Today',
      align: 'right',
      title: "Today's net P&L (realized + open − fees)",
      sortValue: (row) => row.today.netCents,
      render: (row) => <Money cents={row.today.netCents} testId="strategy-net" />,
    },
    {
      id: 'trades',
      label: 'Trades',
      align: 'right',
      title: 'Round trips closed today (wins)',
      sortValue: (row) => row.today.trades,
      render: (row) => <span className="num" data-testid="strategy-trades">{`${row.today.trades} (${row.today.wins})`}</span>,
    },
    { id: 'actions', label: '', align: 'right', render: (row) => <StrategyControls strategy={row} lifecycle={lifecycle} /> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={strategies}
      rowKey={(row) => row.id}
      sort={sort}
      onSort={sortActions.columnClicked}
      empty="No strategies on this account — create one from a kind"
      testId="strategies-table"
      rowTestId="strategy-row"
      onRowClick={(row) => onSelect(row.id)}
      selectedKey={selectedId}
    />
  );
}
