import type { BacktestResultView } from '../../../../src-shared/domain/analytics';
import { formatCents } from '../../../../src-shared/domain/money';
import { EquityChart } from '../../components/equity-chart';
import { RoundTripsTable } from '../../components/round-trips-table';
import { StatisticsGrid } from '../../components/statistics-grid';
import { formatChicagoStamp } from '../../../../src-shared/exchange';

/** Most trades listed (the statistics count them all). */
const shownTrades = 1000;

/** A finished run: its statistics, equity curve and trades. */
export function BacktestResults({ result }: { result: BacktestResultView }) {
  const { statistics } = result;
  const extra: [string, string][] = [
    ['Starting balance', formatCents(statistics.startingBalanceCents)],
    ['Ending balance', formatCents(statistics.endingBalanceCents)],
    ['Bars', statistics.bars.toLocaleString('en-US')],
  ];
  const trades = [...result.trades].reverse().slice(0, shownTrades);
  return (
    <div className="backtest-results" data-testid="backtest-results">
      <div className="muted">
        {result.symbol} ({result.contractId}) on {result.unitNumber} {result.unit} bars from {formatChicagoStamp(result.from)} to{' '}
        {formatChicagoStamp(result.to)} CT
      </div>
      <div className="results-top">
        <StatisticsGrid statistics={statistics} extra={extra} testId="backtest-statistics" />
        <div className="results-chart">
          <div className="section-label">Equity</div>
          <EquityChart points={result.equity} baselineCents={statistics.startingBalanceCents} testId="backtest-equity" />
        </div>
      </div>
      <div className="section-label">
        Trades {result.trades.length > shownTrades ? `(newest ${shownTrades} of ${result.trades.length})` : `(${result.trades.length})`}
      </div>
      <RoundTripsTable trips={trades} showSource={false} empty="The strategy did not trade in this period" testId="backtest-trades" />
    </div>
  );
}
