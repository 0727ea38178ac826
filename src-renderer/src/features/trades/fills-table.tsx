import { formatPrice } from '../../../../src-shared/domain/money';
import { DataTable, type Column } from '../../components/data-table';
import { Money, Ticks } from '../../components/signed-value';
import { causeText, causeTone } from '../../lib/cause-text';
import { formatChicagoStamp } from '../../../../src-shared/exchange';
import { useStrategies } from '../../lib/queries/strategy-queries';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { createSortStore } from '../../lib/sort-store';
import { useFillRows, type FillRow } from './queries';

type FillColumn = 'time' | 'symbol' | 'side' | 'size' | 'price' | 'ticks' | 'dollars' | 'fees' | 'cause' | 'order';

const { useSort, useSortActions } = createSortStore<FillColumn>('fills', { column: 'time', direction: 'descending' });

/** The day's fills with realized P&L in ticks and dollars, sortable. */
export function FillsTable() {
  const rows = useFillRows();
  const sort = useSort();
  const sortActions = useSortActions();
  const strategies = useStrategies(useSelectedAccount()?.account.id).data ?? [];
  const names = new Map(strategies.map((strategy) => [strategy.id, strategy.name]));
  const columns: Column<FillRow, FillColumn>[] = [
    {
      id: 'time',
      label: 'Time CT',
      sortValue: (row) => row.fill.time,
      render: (row) => <span className="num muted">{formatChicagoStamp(row.fill.time)}</span>,
    },
    {
      id: 'symbol',
      label: 'Contract',
      sortValue: (row) => row.contract?.name ?? row.fill.contractId,
      render: (row) => row.contract?.name ?? row.fill.contractId,
    },
    {
      id: 'side',
      label: 'Side',
      sortValue: (row) => row.fill.side,
      render: (row) => <span className={`side-${row.fill.side}`}>{row.fill.side === 'buy' ? 'Buy' : 'Sell'}</span>,
    },
    { id: 'size', label: 'Size', align: 'right', sortValue: (row) => row.fill.size, render: (row) => <span className="num">{row.fill.size}</span> },
    {
      id: 'price',
      label: 'Price',
      align: 'right',
      sortValue: (row) => row.fill.priceTicks,
      render: (row) => <span className="num">{row.contract === undefined ? '—' : formatPrice(row.fill.priceTicks, row.contract.tickSize)}</span>,
    },
    { id: 'ticks', label: 'P&L t', align: 'right', sortValue: (row) => row.realizedTicks, render: (row) => <Ticks ticks={row.realizedTicks} /> },
    {
      id: 'dollars',
      label: 'P&L $',
      align: 'right',
      sortValue: (row) => row.fill.realizedCents,
      render: (row) => <Money cents={row.fill.realizedCents ?? undefined} />,
    },
    {
      id: 'fees',
      label: 'Fees',
      align: 'right',
      sortValue: (row) => row.fill.feesCents,
      render: (row) => <Money cents={-row.fill.feesCents} signed={false} />,
    },
    {
      id: 'cause',
      label: 'Cause',
      title: 'Who made the order: you, a bracket leg, the risk manager, a strategy or another app',
      sortValue: (row) => causeText(row.fill.cause, names),
      render: (row) => (
        <span className={causeTone(row.fill.cause)} data-testid="fill-cause">
          {causeText(row.fill.cause, names)}
          {row.fill.voided ? (
            <span className="muted" title="The broker voided this fill (a busted trade): it counts in no figure">
              {' '}
              · voided
            </span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'order',
      label: 'Order',
      align: 'right',
      sortValue: (row) => row.fill.orderId,
      render: (row) => <span className="num muted">{row.fill.orderId}</span>,
    },
  ];
  return (
    <div className="tab-content">
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.fill.id)}
        sort={sort}
        onSort={sortActions.columnClicked}
        empty="No fills today"
        testId="fills-table"
        rowTestId="fill-row"
      />
    </div>
  );
}
