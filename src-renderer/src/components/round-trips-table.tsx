import { useState } from 'react';
import type { RoundTripView } from '../../../src-shared/domain/analytics';
import { formatPrice } from '../../../src-shared/domain/money';
import { causeText, causeTone } from '../lib/cause-text';
import { formatChicagoStamp } from '../../../src-shared/exchange';
import { formatDuration } from '../../../src-shared/domain/durations';
import { useContractsById } from '../lib/queries/trading-queries';
import { nextSort, type SortState } from '../lib/sorting';
import { DataTable, type Column } from './data-table';
import { Money, Ticks } from './signed-value';

type TripColumn = 'entry' | 'exit' | 'contract' | 'side' | 'size' | 'entryPrice' | 'exitPrice' | 'ticks' | 'dollars' | 'duration' | 'source' | 'exitCause';

function priceText(ticks: number, tickSize: number | undefined): string {
  return tickSize === undefined ? '—' : formatPrice(Math.round(ticks), tickSize);
}

/** Round trips (flat to flat): times, side, size, average entry and exit, P&L in ticks and dollars, duration, who opened and who closed it. */
export function RoundTripsTable({
  trips,
  strategyNames,
  showSource = true,
  empty,
  testId,
}: {
  trips: readonly RoundTripView[];
  strategyNames?: ReadonlyMap<string, string>;
  /** Whether to show who opened and closed each trip (a backtest's are all its strategy's). */
  showSource?: boolean;
  empty: string;
  testId: string;
}) {
  const [sort, setSort] = useState<SortState<TripColumn>>({ column: 'exit', direction: 'descending' });
  const contracts = useContractsById(trips.map((trip) => trip.contractId));
  const tickSize = (trip: RoundTripView) => contracts.get(trip.contractId)?.tickSize;
  const allColumns: Column<RoundTripView, TripColumn>[] = [
    {
      id: 'entry',
      label: 'Entry CT',
      sortValue: (trip) => trip.entryTime,
      render: (trip) => <span className="num muted">{formatChicagoStamp(trip.entryTime)}</span>,
    },
    {
      id: 'exit',
      label: 'Exit CT',
      sortValue: (trip) => trip.exitTime,
      render: (trip) => <span className="num muted">{formatChicagoStamp(trip.exitTime)}</span>,
    },
    { id: 'contract', label: 'Contract', sortValue: (trip) => trip.symbol, render: (trip) => contracts.get(trip.contractId)?.name ?? trip.symbol },
    {
      id: 'side',
      label: 'Side',
      sortValue: (trip) => trip.side,
      render: (trip) => <span className={trip.side === 'long' ? 'side-buy' : 'side-sell'}>{trip.side === 'long' ? 'Long' : 'Short'}</span>,
    },
    { id: 'size', label: 'Size', align: 'right', sortValue: (trip) => trip.size, render: (trip) => <span className="num">{trip.size}</span> },
    {
      id: 'entryPrice',
      label: 'Entry',
      align: 'right',
      sortValue: (trip) => trip.entryTicks,
      render: (trip) => <span className="num">{priceText(trip.entryTicks, tickSize(trip))}</span>,
    },
    {
      id: 'exitPrice',
      label: 'Exit',
      align: 'right',
      sortValue: (trip) => trip.exitTicks,
      render: (trip) => <span className="num">{priceText(trip.exitTicks, tickSize(trip))}</span>,
    },
    {
      id: 'ticks',
      label: 'P&L t',
      align: 'right',
      sortValue: (trip) => trip.pnlTicks,
      render: (trip) => <Ticks ticks={Math.round(trip.pnlTicks * 10) / 10} />,
    },
    {
      id: 'dollars',
      label: 'P&L $',
      align: 'right',
      title: 'Net of fees',
      sortValue: (trip) => trip.netCents,
      render: (trip) => <Money cents={trip.netCents} />,
    },
    {
      id: 'duration',
      label: 'Held',
      align: 'right',
      sortValue: (trip) => trip.durationMs,
      render: (trip) => <span className="num">{formatDuration(trip.durationMs)}</span>,
    },
    {
      id: 'source',
      label: 'Opened by',
      title: 'Who opened the trade: you, a strategy, or another app',
      sortValue: (trip) => (trip.entryCause === null ? (trip.strategyId ?? '') : causeText(trip.entryCause, strategyNames)),
      render: (trip) => {
        // Trips journaled before causes were recorded say only manual or strategy.
        const cause = trip.entryCause ?? (trip.source === 'strategy' && trip.strategyId !== null ? (`strategy:${trip.strategyId}` as const) : 'manual');
        return (
          <span className={causeTone(cause)} title={trip.strategyId ?? undefined}>
            {causeText(cause, strategyNames)}
          </span>
        );
      },
    },
    {
      id: 'exitCause',
      label: 'Closed by',
      title: 'What closed the trade: you, a stop or target, the risk manager, a strategy or another app',
      sortValue: (trip) => (trip.exitCause === null ? '' : causeText(trip.exitCause, strategyNames)),
      render: (trip) =>
        trip.exitCause === null ? (
          <span className="muted">—</span>
        ) : (
          <span className={causeTone(trip.exitCause)}>{causeText(trip.exitCause, strategyNames)}</span>
        ),
    },
  ];
  const columns = showSource ? allColumns : allColumns.filter((column) => column.id !== 'source' && column.id !== 'exitCause');
  return (
    <DataTable
      columns={columns}
      rows={trips}
      rowKey={(trip) => trip.id}
      sort={sort}
      onSort={(column) => setSort((current) => nextSort(current, column))}
      empty={empty}
      testId={testId}
      rowTestId="round-trip-row"
    />
  );
}
