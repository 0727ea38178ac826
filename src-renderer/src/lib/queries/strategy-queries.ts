import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StrategyDetailView, StrategyLogEntry, StrategyView } from '../../../../src-shared/domain/strategies';
import { callOrThrow, useContractEvent, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { strategyKeys } from './query-keys';

/** Most log lines kept per strategy in the page. */
export const strategyLogLimit = 300;

/** The strategy kinds the terminal can run, with their parameter schemas; they do not change while it runs. */
export function useStrategyKinds() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: strategyKeys.kinds(), queryFn: () => callOrThrow(api, 'strategies.kinds', {}), enabled: link === 'live', retry: false });
}

/** An account's strategies, kept current by `strategies.changed` and `strategies.removed`. */
export function useStrategies(accountId: number | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: strategyKeys.list(accountId ?? 0),
    queryFn: () => callOrThrow(api, 'strategies.list', { accountId }),
    enabled: link === 'live' && accountId !== undefined,
    retry: false,
  });
}

/** True when a change moved something the detail, the marks or the orders depend on (not just the P&L). */
export function changedShape(before: StrategyView | undefined, after: StrategyView): boolean {
  if (before === undefined) return true;
  return (
    before.status !== after.status ||
    before.workingOrders !== after.workingOrders ||
    before.position.size !== after.position.size ||
    before.today.trades !== after.today.trades
  );
}

/** Inserts or replaces a strategy in a list, keeping the list's order. */
export function upsertStrategy(list: readonly StrategyView[] | undefined, strategy: StrategyView): StrategyView[] | undefined {
  if (list === undefined) return undefined;
  const index = list.findIndex((existing) => existing.id === strategy.id);
  return index === -1 ? [...list, strategy] : list.map((existing) => (existing.id === strategy.id ? strategy : existing));
}

/** Appends a log line once (the event and a fetch may both carry it), keeping the newest lines. */
export function appendLog(log: readonly StrategyLogEntry[] | undefined, entry: StrategyLogEntry): StrategyLogEntry[] | undefined {
  if (log === undefined) return undefined;
  if (log.some((line) => line.at === entry.at && line.message === entry.message)) return [...log];
  return [...log, entry].slice(-strategyLogLimit);
}

function applyChange(client: QueryClient, strategy: StrategyView): void {
  const listKey = strategyKeys.list(strategy.accountId);
  const before = client.getQueryData<StrategyView[]>(listKey)?.find((existing) => existing.id === strategy.id);
  client.setQueryData<StrategyView[]>(listKey, (list) => upsertStrategy(list, strategy));
  client.setQueryData<StrategyDetailView>(strategyKeys.detail(strategy.id), (detail) => (detail === undefined ? undefined : { ...detail, strategy }));
  if (!changedShape(before, strategy)) return;
  // Its orders or fills changed: the detail's order list and the chart's marks are read again.
  void client.invalidateQueries({ queryKey: strategyKeys.detail(strategy.id) });
  void client.invalidateQueries({ queryKey: strategyKeys.marksAll() });
}

function applyRemoval(client: QueryClient, id: string): void {
  for (const [key] of client.getQueriesData<StrategyView[]>({ queryKey: [...strategyKeys.all, 'list'] })) {
    client.setQueryData<StrategyView[]>(key, (list) => list?.filter((strategy) => strategy.id !== id));
  }
  client.removeQueries({ queryKey: strategyKeys.detail(id) });
  client.removeQueries({ queryKey: strategyKeys.log(id) });
}

/**
 * Keeps strategies current from their events (no polling): changes patch the lists and details,
 * log lines are appended, removals drop the strategy; everything is read again when the link returns.
 * Mounted once, by the app shell.
 */
export function useStrategyEventSync(): void {
  const client = useQueryClient();
  const link = useLinkState();
  useContractEvent('strategies.changed', (strategy) => applyChange(client, strategy));
  useContractEvent('strategies.removed', ({ id }) => applyRemoval(client, id));
  useContractEvent('strategies.log', (entry) => client.setQueryData<StrategyLogEntry[]>(strategyKeys.log(entry.strategyId), (log) => appendLog(log, entry)));
  useEffect(() => {
    if (link === 'live') void client.invalidateQueries({ queryKey: strategyKeys.all });
  }, [client, link]);
}
