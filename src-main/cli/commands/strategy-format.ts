import type { BacktestStatistics, JournalView, TradeStatistics, TradeStatsView } from '../../../src-shared/domain/analytics';
import { formatDuration } from '../../../src-shared/domain/durations';
import { formatCents } from '../../../src-shared/domain/money';
import { causeLabel } from '../../../src-shared/domain/order-cause';
import type { StrategyDetailView, StrategyKindView, StrategyView } from '../../../src-shared/domain/strategies';
import { formatTicks, type PriceGrid } from '../price-format';
import { formatTime, table } from '../table';

/** A contract's price grid by id, when the CLI could resolve it. */
export type GridOf = (contractId: string) => PriceGrid | undefined;

/** Strategies as a table: id, kind, status, position, working orders and today's figures. */
export function formatStrategies(views: readonly StrategyView[], gridOf: GridOf = () => undefined): string {
  return table(
    ['id', 'kind', 'account', 'symbol', 'status', 'position', 'orders', 'today net', 'trades', 'last decision'],
    views.map((view) => [
      view.id,
      view.kind,
      String(view.accountId),
      view.symbol,
      view.statusReason === null ? view.status : `${view.status} (${view.statusReason})`,
      view.position.size === 0
        ? 'flat'
        : `${view.position.size > 0 ? '+' : ''}${view.position.size} @ ${formatTicks(view.position.averageTicks, gridOf(view.contractId), '?')}`,
      String(view.workingOrders),
      formatCents(view.today.netCents),
      `${view.today.trades} (${view.today.wins} won)`,
      view.lastDecision ?? '',
    ]),
    new Set([6, 7]),
  );
}

/** One strategy: its view, parameters, orders and the tail of its log. */
export function formatStrategyDetail(detail: StrategyDetailView, gridOf: GridOf = () => undefined): string {
  const { strategy } = detail;
  const grid = gridOf(strategy.contractId);
  return [
    formatStrategies([strategy], gridOf),
    '',
    `parameters: ${JSON.stringify(strategy.parameters)}`,
    ...(strategy.pendingParameters === null ? [] : [`on the next start: ${JSON.stringify(strategy.pendingParameters)}`]),
    '',
    'orders:',
    table(
      ['order', 'type', 'side', 'size', 'status', 'stop', 'limit'],
      detail.orders
        .slice(0, 20)
        .map((order) => [
          String(order.id),
          order.type,
          order.side,
          String(order.size),
          order.status,
          formatTicks(order.stopTicks, grid),
          formatTicks(order.limitTicks, grid),
        ]),
    ),
    '',
    'log:',
    ...detail.log.slice(-20).map((entry) => `  ${formatTime(entry.at)}  ${entry.level.padEnd(8)} ${entry.message}`),
  ].join('\n');
}

/** The kinds with their parameters and defaults. */
export function formatKinds(kinds: readonly StrategyKindView[]): string {
  return kinds
    .map((kind) =>
      [
        `${kind.kind}: ${kind.name}`,
        `  ${kind.summary}`,
        ...kind.parameters.map(
          (parameter) =>
            `    ${parameter.key} = ${String(parameter.default)}${parameter.unit === undefined ? '' : ` ${parameter.unit}`}${parameter.live ? '' : ' (on restart)'}  ${parameter.description}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Round trips, newest first: prices in the contract's format, and who opened and closed each. */
export function formatJournal(journal: JournalView, gridOf: GridOf = () => undefined): string {
  return table(
    ['exit (UTC)', 'symbol', 'side', 'size', 'entry', 'exit', 'ticks', 'net', 'held', 'opened by', 'closed by'],
    journal.trades.map((trip) => {
      const grid = gridOf(trip.contractId);
      return [
        formatTime(trip.exitTime),
        trip.symbol,
        trip.side,
        String(trip.size),
        formatTicks(trip.entryTicks, grid),
        formatTicks(trip.exitTicks, grid),
        String(Math.round(trip.pnlTicks * 100) / 100),
        formatCents(trip.netCents),
        formatDuration(trip.durationMs),
        // Null: a fill journaled before causes were recorded, not placed by a strategy.
        causeLabel(trip.entryCause),
        causeLabel(trip.exitCause),
      ];
    }),
    new Set([3, 4, 5, 6, 7, 8]),
  );
}

function statisticsLine(stats: TradeStatistics): string {
  return `${stats.trades} trades, ${(stats.winRate * 100).toFixed(1)}% won, net ${formatCents(stats.netCents)}, profit factor ${stats.profitFactor === null ? '-' : stats.profitFactor.toFixed(2)}, expectancy ${formatCents(Math.round(stats.expectancyCents))}`;
}

/** The account's statistics by day, hour, contract and strategy. */
export function formatStats(stats: TradeStatsView): string {
  const groups = (title: string, rows: TradeStatsView['byDay']) =>
    [
      title,
      table(
        ['key', 'trades', 'win %', 'net', 'profit factor'],
        rows.map((row) => [
          row.key,
          String(row.trades),
          (row.winRate * 100).toFixed(1),
          formatCents(row.netCents),
          row.profitFactor === null ? '-' : row.profitFactor.toFixed(2),
        ]),
        new Set([1, 2, 3, 4]),
      ),
    ].join('\n');
  return [
    `overall: ${statisticsLine(stats.overall)}, max drawdown ${formatCents(stats.overall.maxDrawdownCents)}, Sharpe ${stats.overall.sharpe ?? '-'}`,
    '',
    groups('by day:', stats.byDay),
    '',
    groups('by hour (exchange time of entry):', stats.byHour),
    '',
    groups('by contract:', stats.byContract),
    '',
    groups('by strategy:', stats.byStrategy),
  ].join('\n');
}

/** A backtest's statistics as indented JSON. */
export function formatBacktestStatistics(statistics: BacktestStatistics): string {
  return JSON.stringify(statistics, null, 2);
}
