import { useState } from 'react';
import type { TradeStatisticsGroup } from '../../../../src-shared/domain/analytics';
import { DataTable, type Column } from '../../components/data-table';
import { Money } from '../../components/signed-value';
import { formatDuration } from '../../../../src-shared/domain/durations';
import { nextSort, type SortState } from '../../lib/sorting';
import { formatAverageCents, formatProfitFactor, formatRate } from '../../lib/statistics-format';

type GroupColumn = 'key' | 'trades' | 'winRate' | 'net' | 'profitFactor' | 'expectancy' | 'largestLoss' | 'hold';

/** One breakdown of the statistics (a row per day, hour, contract or strategy). */
export function BreakdownTable({ groups, label, keyText }: { groups: readonly TradeStatisticsGroup[]; label: string; keyText(key: string): string }) {
  const [sort, setSort] = useState<SortState<GroupColumn>>({ column: 'key', direction: 'ascending' });
  const columns: Column<TradeStatisticsGroup, GroupColumn>[] = [
    { id: 'key', label, sortValue: (group) => group.key, render: (group) => <span className="strong">{keyText(group.key)}</span> },
    {
      id: 'trades',
      label: 'Trades',
      align: 'right',
      sortValue: (group) => group.trades,
      render: (group) => <span className="num">{`${group.trades} (${group.wins}W ${group.losses}L)`}</span>,
    },
    {
      id: 'winRate',
      label: 'Win rate',
      align: 'right',
      sortValue: (group) => group.winRate,
      render: (group) => <span className="num">{formatRate(group.winRate)}</span>,
    },
    { id: 'net', label: 'Net P&L', align: 'right', sortValue: (group) => group.netCents, render: (group) => <Money cents={group.netCents} /> },
    {
      id: 'profitFactor',
      label: 'Profit factor',
      align: 'right',
      sortValue: (group) => group.profitFactor ?? Number.POSITIVE_INFINITY,
      render: (group) => <span className="num">{formatProfitFactor(group.profitFactor, group.trades)}</span>,
    },
    {
      id: 'expectancy',
      label: 'Expectancy',
      align: 'right',
      sortValue: (group) => group.expectancyCents,
      render: (group) => <span className="num">{formatAverageCents(group.expectancyCents)}</span>,
    },
    {
      id: 'largestLoss',
      label: 'Largest loss',
      align: 'right',
      sortValue: (group) => group.largestLossCents,
      render: (group) => <Money cents={group.largestLossCents} />,
    },
    {
      id: 'hold',
      label: 'Avg hold',
      align: 'right',
      sortValue: (group) => group.averageDurationMs,
      render: (group) => <span className="num">{formatDuration(group.averageDurationMs)}</span>,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={groups}
      rowKey={(group) => group.key}
      sort={sort}
      onSort={(column) => setSort((current) => nextSort(current, column))}
      empty="No trades in this period"
      testId="breakdown-table"
      rowTestId="breakdown-row"
    />
  );
}
