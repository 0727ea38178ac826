import type { PerformanceFigures, TradeStatistics } from '../../../src-shared/domain/analytics';
import { formatCents } from '../../../src-shared/domain/money';
import { formatDuration } from '../../../src-shared/domain/durations';
import { formatAverageCents, formatProfitFactor, formatRate, formatSharpe, formatSignedCents } from '../lib/statistics-format';

function tone(cents: number): string {
  return cents > 0 ? 'tone-up' : cents < 0 ? 'tone-down' : 'tone-flat';
}

/**
 * The statistics of a set of round trips: the headline figures (net P&L, trades, win rate, profit
 * factor, expectancy, max drawdown, Sharpe) and the detail under them.
 */
export function StatisticsGrid({
  statistics,
  extra,
  testId,
}: {
  statistics: TradeStatistics & PerformanceFigures;
  extra?: readonly (readonly [string, string])[];
  testId: string;
}) {
  const headline: [string, string, string, string | undefined][] = [
    ['net', 'Net P&L', formatSignedCents(statistics.netCents), tone(statistics.netCents)],
    ['trades', 'Trades', String(statistics.trades), undefined],
    ['win-rate', 'Win rate', formatRate(statistics.winRate), undefined],
    ['profit-factor', 'Profit factor', formatProfitFactor(statistics.profitFactor, statistics.trades), undefined],
    ['expectancy', 'Expectancy', formatAverageCents(statistics.expectancyCents), tone(statistics.expectancyCents)],
    ['max-drawdown', 'Max drawdown', formatCents(statistics.maxDrawdownCents), statistics.maxDrawdownCents < 0 ? 'tone-down' : undefined],
    ['sharpe', 'Sharpe', formatSharpe(statistics.sharpe), undefined],
  ];
  const detail: (readonly [string, string])[] = [
    ['Wins / losses', `${statistics.wins} / ${statistics.losses}`],
    ['Gross profit', formatCents(statistics.grossProfitCents)],
    ['Gross loss', formatCents(statistics.grossLossCents)],
    ['Fees', formatCents(statistics.feesCents)],
    ['Average win', formatAverageCents(statistics.averageWinCents)],
    ['Average loss', formatAverageCents(statistics.averageLossCents)],
    ['Largest win', formatCents(statistics.largestWinCents)],
    ['Largest loss', formatCents(statistics.largestLossCents)],
    ['Average hold', formatDuration(statistics.averageDurationMs)],
    ['Days', String(statistics.days)],
    ...(extra ?? []),
  ];
  return (
    <div className="statistics" data-testid={testId}>
      <div className="stat-cards">
        {headline.map(([key, label, value, valueTone]) => (
          <div key={key} className="stat-card" data-testid={`stat-${key}`}>
            <span className="figure-label">{label}</span>
            <span className={`stat-value num${valueTone === undefined ? '' : ` ${valueTone}`}`}>{value}</span>
          </div>
        ))}
      </div>
      <dl className="facts stat-detail">
        {detail.map(([label, value]) => (
          <div key={label} className="fact-pair">
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
