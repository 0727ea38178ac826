import type { BacktestRunView } from '../../../../src-shared/domain/analytics';

const statusLabels: Record<BacktestRunView['status'], string> = {
  loading: 'Loading bars',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** A run's phase and a progress bar from `backtest.progress`, with cancel while it runs. */
export function BacktestProgress({ run, onCancel, cancelling }: { run: BacktestRunView; onCancel(): void; cancelling: boolean }) {
  const active = run.status === 'loading' || run.status === 'running';
  return (
    <div className="backtest-progress" data-testid="backtest-progress" data-status={run.status}>
      <div className="progress-line">
        <span className={`status backtest-status-${run.status}`} data-testid="backtest-status">
          {statusLabels[run.status]}
        </span>
        <span className="muted">
          {run.strategy} on {run.symbol} · {run.runId}
        </span>
        <span className="toolbar-fill" />
        <span className="num" data-testid="backtest-percent">
          {run.totalBars === 0
            ? run.status === 'completed'
              ? '100%'
              : ''
            : `${run.processedBars.toLocaleString('en-US')} / ${run.totalBars.toLocaleString('en-US')} bars · ${run.percent}%`}
        </span>
        {active ? (
          <button type="button" className="mini-button danger" disabled={cancelling} data-testid="backtest-cancel" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={run.percent}>
        <span
          className={`progress-fill${run.status === 'loading' && run.totalBars === 0 ? ' progress-indeterminate' : ''}`}
          style={{ width: `${run.status === 'loading' && run.totalBars === 0 ? 100 : run.percent}%` }}
        />
      </div>
      {run.message === null ? null : (
        <div className={run.status === 'failed' ? 'tone-down' : 'muted'} data-testid="backtest-message">
          {run.message}
        </div>
      )}
    </div>
  );
}
