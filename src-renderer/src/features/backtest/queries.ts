import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BacktestRunView } from '../../../../src-shared/domain/analytics';
import { callOrThrow, useContractEvent, useLinkState, useTerminalApi } from '../../bridge/bridge-context';

/** Backtest keys: a run's status and its result. */
export const backtestKeys = {
  all: ['backtest'] as const,
  status: (runId: string) => [...backtestKeys.all, runId, 'status'] as const,
  result: (runId: string) => [...backtestKeys.all, runId, 'result'] as const,
};

/** A run's status, read once and then moved by `backtest.progress` and `backtest.finished` (no polling). */
export function useBacktestRun(runId: string | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  const client = useQueryClient();
  useContractEvent('backtest.progress', (progress) => {
    client.setQueryData<BacktestRunView>(backtestKeys.status(progress.runId), (run) => (run === undefined ? undefined : { ...run, ...progress }));
  });
  useContractEvent('backtest.finished', (run) => client.setQueryData(backtestKeys.status(run.runId), run));
  return useQuery({
    queryKey: backtestKeys.status(runId ?? ''),
    queryFn: () => callOrThrow(api, 'backtest.status', { runId: runId ?? '' }),
    enabled: link === 'live' && runId !== undefined,
    retry: false,
  });
}

/** A finished run's trades, equity curve and statistics; a result never changes. */
export function useBacktestResult(runId: string | undefined, completed: boolean) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: backtestKeys.result(runId ?? ''),
    queryFn: () => callOrThrow(api, 'backtest.result', { runId: runId ?? '' }),
    enabled: link === 'live' && runId !== undefined && completed,
    retry: false,
  });
}
