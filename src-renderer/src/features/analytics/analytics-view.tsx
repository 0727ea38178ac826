import { RoundTripsTable } from '../../components/round-trips-table';
import { Tabs } from '../../components/tabs';
import { daysBefore, exchangeDateRange, exchangeDateText } from '../../../../src-shared/exchange';
import { useStrategies } from '../../lib/queries/strategy-queries';
import { useSelectedAccount } from '../../lib/queries/trading-queries';
import { useServerNow } from '../../lib/server-clock';
import { useAnalyticsActions, useAnalyticsView, type AnalyticsTab } from './analytics-store';
import { useAnalyticsRefresh, useJournal, useTradeStats } from './queries';
import { StatsPanel } from './stats-panel';

const periods: readonly [number, string][] = [
  [1, 'Today'],
  [7, '7 days'],
  [30, '30 days'],
  [90, '90 days'],
];

/** Trade analytics of the selected account: the journal of round trips and the statistics with the equity curve. */
export function AnalyticsView() {
  const account = useSelectedAccount();
  const accountId = account?.account.id;
  const view = useAnalyticsView();
  const actions = useAnalyticsActions();
  const today = exchangeDateText(useServerNow(60_000));
  const range = exchangeDateRange(daysBefore(today, view.days - 1), today) ?? { from: 1, to: 2 };
  useAnalyticsRefresh();
  const journal = useJournal(accountId, range.from, range.to);
  const stats = useTradeStats(accountId, range.from, range.to);
  const strategies = useStrategies(accountId).data ?? [];
  const strategyNames = new Map(strategies.map((strategy) => [strategy.id, strategy.name]));
  const tabs: { id: AnalyticsTab; label: string; count?: number }[] = [
    { id: 'journal', label: 'Journal', count: journal.data?.trades.length },
    { id: 'stats', label: 'Stats' },
  ];
  const failure = view.tab === 'journal' ? journal.error : stats.error;
  return (
    <section className="analytics-view panel" data-testid="analytics-view">
      <Tabs
        items={tabs}
        selected={view.tab}
        onSelect={actions.tabChosen}
        trailing={
          <div className="segmented period-choice" role="group" aria-label="Period">
            {periods.map(([days, label]) => (
              <button
                key={days}
                type="button"
                className={days === view.days ? 'segment segment-on' : 'segment'}
                data-testid={`period-${days}`}
                onClick={() => actions.daysChosen(days)}
              >
                {label}
              </button>
            ))}
          </div>
        }
      />
      <div className="analytics-body">
        {failure === null ? null : <div className="empty-note">Trade analytics are not available: {failure.message}</div>}
        {view.tab === 'journal' && journal.data !== undefined ? (
          <RoundTripsTable trips={journal.data.trades} strategyNames={strategyNames} empty="No round trips in this period" testId="journal-table" />
        ) : null}
        {view.tab === 'stats' && stats.data !== undefined ? <StatsPanel stats={stats.data} strategyNames={strategyNames} /> : null}
      </div>
    </section>
  );
}
