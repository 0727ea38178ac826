import { useState } from 'react';
import { formatPrice } from '../../../../src-shared/domain/money';
import type { AppError } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { DataTable, type Column } from '../../components/data-table';
import { InlineAlert } from '../../components/inline-alert';
import { causeText, causeTone } from '../../lib/cause-text';
import { formatChicagoClock } from '../../../../src-shared/exchange';
import { useStrategies } from '../../lib/queries/strategy-queries';
import { orderTypeLabel } from '../../lib/order-request';
import { createSortStore } from '../../lib/sort-store';
import { useOrdersScope, useOrdersViewActions } from './orders-store';
import { useOrderRows, type OrderRow } from './queries';

type OrderColumn = 'time' | 'symbol' | 'side' | 'type' | 'size' | 'price' | 'stop' | 'distance' | 'status' | 'cause' | 'actions';

const { useSort, useSortActions } = createSortStore<OrderColumn>('orders', { column: 'time', direction: 'descending' });

function price(ticks: number | null, row: OrderRow): string {
  return ticks === null || row.contract === undefined ? '—' : formatPrice(ticks, row.contract.tickSize);
}

/** Working orders (or the day's orders), sortable, with cancel on each working row. */
export function OrdersTable() {
  const api = useTerminalApi();
  const scope = useOrdersScope();
  const view = useOrdersViewActions();
  const { rows, accountId } = useOrderRows(scope);
  const strategies = useStrategies(accountId).data ?? [];
  const names = new Map(strategies.map((strategy) => [strategy.id, strategy.name]));
  const sort = useSort();
  const sortActions = useSortActions();
  const [error, setError] = useState<AppError | undefined>(undefined);

  const cancel = async (row: OrderRow) => {
    setError(undefined);
    const result = await api.invoke('orders.cancel', { accountId: row.order.accountId, orderId: row.order.id });
    if (!result.ok) setError(result.error);
  };

  const columns: Column<OrderRow, OrderColumn>[] = [
    {
      id: 'time',
      label: 'Time CT',
      sortValue: (row) => row.order.createdAt,
      render: (row) => <span className="num muted">{formatChicagoClock(row.order.createdAt)}</span>,
    },
    {
      id: 'symbol',
      label: 'Contract',
      sortValue: (row) => row.contract?.name ?? row.order.contractId,
      render: (row) => row.contract?.name ?? row.order.contractId,
    },
    {
      id: 'side',
      label: 'Side',
      sortValue: (row) => row.order.side,
      render: (row) => <span className={`side-${row.order.side}`}>{row.order.side === 'buy' ? 'Buy' : 'Sell'}</span>,
    },
    { id: 'type', label: 'Type', sortValue: (row) => row.order.type, render: (row) => orderTypeLabel(row.order.type) },
    {
      id: 'size',
      label: 'Filled / size',
      align: 'right',
      sortValue: (row) => row.order.size,
      render: (row) => <span className="num">{`${row.order.filledSize} / ${row.order.size}`}</span>,
    },
    {
      id: 'price',
      label: 'Limit',
      align: 'right',
      sortValue: (row) => row.order.limitTicks,
      render: (row) => <span className="num">{price(row.order.limitTicks, row)}</span>,
    },
    {
      id: 'stop',
      label: 'Stop',
      align: 'right',
      sortValue: (row) => row.order.stopTicks,
      render: (row) => <span className="num">{price(row.order.stopTicks, row)}</span>,
    },
    {
      id: 'distance',
      label: 'To fill',
      align: 'right',
      title: 'Ticks the market must move to fill or trigger',
      sortValue: (row) => row.distanceTicks,
      render: (row) => <span className="num">{row.distanceTicks === undefined ? '—' : `${row.distanceTicks} t`}</span>,
    },
    {
      id: 'status',
      label: 'Status',
      sortValue: (row) => row.order.status,
      render: (row) => <span className={`status status-${row.order.status}`}>{row.order.status}</span>,
    },
    {
      id: 'cause',
      label: 'Cause',
      title: 'Who made the order: you, a bracket leg, the risk manager, a strategy or another app',
      sortValue: (row) => causeText(row.order.cause, names),
      render: (row) => (
        <span className={causeTone(row.order.cause)} data-testid="order-cause">
          {causeText(row.order.cause, names)}
        </span>
      ),
    },
    {
      id: 'actions',
      label: '',
      align: 'right',
      render: (row) =>
        ['open', 'pending', 'suspended'].includes(row.order.status) ? (
          <button type="button" className="mini-button" data-testid="order-cancel" onClick={() => void cancel(row)}>
            Cancel
          </button>
        ) : null,
    },
  ];

  return (
    <div className="tab-content">
      <div className="tab-toolbar">
        <div className="segmented" role="group" aria-label="Orders shown">
          <button type="button" className={scope === 'working' ? 'segment segment-on' : 'segment'} onClick={() => view.scopeChosen('working')}>
            Working
          </button>
          <button type="button" className={scope === 'recent' ? 'segment segment-on' : 'segment'} onClick={() => view.scopeChosen('recent')}>
            Today
          </button>
        </div>
      </div>
      <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="orders-error" />
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.order.id)}
        sort={sort}
        onSort={sortActions.columnClicked}
        empty={scope === 'working' ? 'No working orders' : 'No orders today'}
        testId="orders-table"
        rowTestId="order-row"
      />
    </div>
  );
}
