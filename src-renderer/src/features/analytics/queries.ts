import { useQuery, useQueryClient } from '@tanstack/react-query';
import { callOrThrow, useContractEvent, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { analyticsKeys } from '../../lib/queries/query-keys';

/**
 * Round trips and statistics are computed by the terminal from the fills; they change when a fill
 * arrives, so a fill (not a timer) makes the open screen read them again.
 */
export function useAnalyticsRefresh(): void {
  const client = useQueryClient();
  useContractEvent('fills.added', () => void client.invalidateQueries({ queryKey: analyticsKeys.all }));
}

/** The account's round trips of a period, newest first. */
export function useJournal(accountId: number | undefined, from: number, to: number) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: analyticsKeys.journal(accountId ?? 0, from, to),
    queryFn: () => callOrThrow(api, 'journal.list', { accountId, from, to, limit: 5000 }),
    enabled: link === 'live' && accountId !== undefined,
    refetchOnMount: 'always',
    retry: false,
  });
}

/** The account's statistics of a period: overall, by day, hour, contract and strategy, and its equity curve. */
export function useTradeStats(accountId: number | undefined, from: number, to: number) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: analyticsKeys.stats(accountId ?? 0, from, to),
    queryFn: () => callOrThrow(api, 'journal.stats', { accountId, from, to }),
    enabled: link === 'live' && accountId !== undefined,
    refetchOnMount: 'always',
    retry: false,
  });
}
