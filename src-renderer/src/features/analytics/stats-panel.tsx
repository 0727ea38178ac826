import type { TradeStatsView } from '../../../../src-shared/domain/analytics';
import { EquityChart } from '../../components/equity-chart';
import { StatisticsGrid } from '../../components/statistics-grid';
import { useAnalyticsActions, useAnalyticsView, type Breakdown } from './analytics-store';
import { BreakdownTable } from './breakdown-table';

const breakdowns: readonly [Breakdown, string, string][] = [
  ['byDay', 'By day', 'Day'],
  ['byHour', 'By hour', 'Hour CT'],
  ['byContract', 'By contract', 'Contract'],
  ['byStrategy', 'By strategy', 'Strategy'],
];

/** The account's statistics of the period, its equity curve and a breakdown by day, hour, contract or strategy. */
export function StatsPanel({ stats, strategyNames }: { stats: TradeStatsView; strategyNames: ReadonlyMap<string, string> }) {
  const { breakdown } = useAnalyticsView();
  const actions = useAnalyticsActions();
  const chosen = breakdowns.find(([id]) => id === breakdown) ?? breakdowns[0];
  const keyText = (key: string): string => {
    if (breakdown === 'byHour') return `${key}:00`;
    if (breakdown === 'byStrategy') return key === 'manual' ? 'Manual' : (strategyNames.get(key) ?? key);
    return key;
  };
  return (
    <div className="stats-panel" data-testid="stats-panel">
      <div className="results-top">
        <StatisticsGrid statistics={stats.overall} testId="journal-statistics" />
        <div className="results-chart">
          <div className="section-label">Account equity (net P&L of closed trades)</div>
          <EquityChart points={stats.equity} baselineCents={0} testId="journal-equity" />
        </div>
      </div>
      <div className="tab-toolbar">
        <div className="segmented" role="group" aria-label="Breakdown">
          {breakdowns.map(([id, label]) => (
            <button
              key={id}
              type="button"
              className={id === breakdown ? 'segment segment-on' : 'segment'}
              data-testid={`breakdown-${id}`}
              onClick={() => actions.breakdownChosen(id)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <BreakdownTable groups={stats[breakdown]} label={chosen?.[2] ?? 'Group'} keyText={keyText} />
    </div>
  );
}
