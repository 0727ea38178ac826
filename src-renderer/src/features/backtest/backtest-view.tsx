import { useState } from 'react';
import type { AppError } from '../../../../src-shared/result';
import { useTerminalApi } from '../../bridge/bridge-context';
import { InlineAlert } from '../../components/inline-alert';
import { daysBefore, exchangeDateText } from '../../../../src-shared/exchange';
import { useStrategyKinds } from '../../lib/queries/strategy-queries';
import { useServerNow } from '../../lib/server-clock';
import { BacktestFormFields } from './backtest-form';
import { BacktestProgress } from './backtest-progress';
import { backtestRequest } from './backtest-request';
import { BacktestResults } from './backtest-results';
import { useBacktestActions, useBacktestForm, useBacktestRunId } from './backtest-store';
import { useBacktestResult, useBacktestRun } from './queries';

/** Backtests a strategy kind over a symbol's history: the form, the run's progress, and its results. */
export function BacktestView() {
  const api = useTerminalApi();
  const kinds = useStrategyKinds();
  const stored = useBacktestForm();
  const actions = useBacktestActions();
  const runId = useBacktestRunId();
  const run = useBacktestRun(runId);
  const result = useBacktestResult(runId, run.data?.status === 'completed');
  const today = exchangeDateText(useServerNow(60_000));
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const list = kinds.data ?? [];
  // Empty fields show the defaults (the last week, the first kind) until the trader edits them.
  const form = {
    ...stored,
    kind: stored.kind === '' ? (list[0]?.kind ?? '') : stored.kind,
    toDate: stored.toDate === '' ? today : stored.toDate,
    fromDate: stored.fromDate === '' ? daysBefore(today, 7) : stored.fromDate,
  };
  const kind = list.find((candidate) => candidate.kind === form.kind);
  const { request, errors } = backtestRequest(form, kind);
  const active = run.data?.status === 'loading' || run.data?.status === 'running';
  const start = async () => {
    if (request === undefined) return;
    setError(undefined);
    setStarting(true);
    const started = await api.invoke('backtest.start', request);
    setStarting(false);
    if (!started.ok) return setError(started.error);
    actions.runStarted(started.value.runId);
  };
  const cancel = async () => {
    if (runId === undefined) return;
    setCancelling(true);
    const cancelled = await api.invoke('backtest.cancel', { runId });
    setCancelling(false);
    if (!cancelled.ok) setError(cancelled.error);
  };
  return (
    <div className="backtest-view" data-testid="backtest-view">
      <aside className="backtest-side panel">
        <header className="panel-header backtest-header">
          <span className="panel-title">Backtest</span>
          <span className="panel-actions">
            <button
              type="button"
              className="button"
              disabled={request === undefined || starting || active}
              data-testid="backtest-start"
              onClick={() => void start()}
            >
              Run backtest
            </button>
          </span>
        </header>
        <div className="panel-body backtest-side-body">
          <InlineAlert error={error} onDismiss={() => setError(undefined)} testId="backtest-error" />
          {kinds.isError ? (
            <div className="empty-note">Strategies are not available: {kinds.error.message}</div>
          ) : (
            <BacktestFormFields form={form} kinds={list} kind={kind} errors={errors} />
          )}
        </div>
      </aside>
      <section className="backtest-main panel">
        {run.data === undefined ? (
          <div className="empty-note">
            Choose a strategy, a symbol and a period, then run the backtest. Its statistics, equity curve and trades appear here.
          </div>
        ) : (
          <div className="backtest-main-body">
            <BacktestProgress run={run.data} onCancel={() => void cancel()} cancelling={cancelling} />
            {result.data === undefined ? null : <BacktestResults result={result.data} />}
            {result.isError ? <InlineAlert error={result.error.message} /> : null}
          </div>
        )}
      </section>
    </div>
  );
}
