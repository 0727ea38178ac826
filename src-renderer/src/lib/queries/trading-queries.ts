import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountSummary } from '../../../../src-shared/domain/summaries';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { accountKeys, connectionKeys, contractKeys, fillHistoryLimit, fillKeys, orderKeys, positionKeys } from './query-keys';

/** The broker connection and trading state, kept current by `connection.changed`. */
export function useConnectionState() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: connectionKeys.state(), queryFn: () => callOrThrow(api, 'connection.get', {}), enabled: link === 'live' });
}

/** Every account of the login with its day figures. */
export function useAccounts() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: accountKeys.list(), queryFn: () => callOrThrow(api, 'accounts.list', {}), enabled: link === 'live' });
}

/** The account the terminal trades on (the main process keeps the selection). */
export function useSelectedAccount(): AccountSummary | undefined {
  const accounts = useAccounts();
  return accounts.data?.find((summary) => summary.selected) ?? accounts.data?.[0];
}

/** The selected account's working orders. */
export function useWorkingOrders(accountId: number | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: orderKeys.working(accountId ?? 0),
    queryFn: () => callOrThrow(api, 'orders.list', { accountId, scope: 'working' }),
    enabled: link === 'live' && accountId !== undefined,
  });
}

/** The selected account's recent orders (working and done), for the orders tab's history. */
export function useRecentOrders(accountId: number | undefined, enabled: boolean) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: orderKeys.recent(accountId ?? 0),
    queryFn: () => callOrThrow(api, 'orders.list', { accountId, scope: 'recent' }),
    enabled: enabled && link === 'live' && accountId !== undefined,
  });
}

/** The selected account's open positions with their contracts. */
export function usePositions(accountId: number | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  const client = useQueryClient();
  return useQuery({
    queryKey: positionKeys.list(accountId ?? 0),
    queryFn: async () => {
      const positions = await callOrThrow(api, 'positions.list', { accountId });
      for (const summary of positions) rememberContract(client, summary.contract);
      return positions;
    },
    enabled: link === 'live' && accountId !== undefined,
  });
}

/** The selected account's recent fills, newest first. */
export function useFills(accountId: number | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: fillKeys.list(accountId ?? 0),
    queryFn: () => callOrThrow(api, 'fills.list', { accountId, limit: fillHistoryLimit }),
    enabled: link === 'live' && accountId !== undefined,
  });
}

/** A contract by root (`ES`) or full id; contracts do not change during a session. */
export function useContract(symbolOrId: string | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  const client = useQueryClient();
  return useQuery({
    queryKey: contractKeys.detail(symbolOrId ?? ''),
    queryFn: async () => {
      const contract = await callOrThrow(api, 'contracts.resolve', { symbol: symbolOrId ?? '' });
      rememberContract(client, contract);
      return contract;
    },
    enabled: link === 'live' && symbolOrId !== undefined && symbolOrId !== '',
    retry: false,
  });
}

/** Files a contract under its id so orders and fills, which carry only the id, format at once. */
export function rememberContract(client: ReturnType<typeof useQueryClient>, contract: ContractView): void {
  if (client.getQueryData(contractKeys.detail(contract.id)) === undefined) client.setQueryData(contractKeys.detail(contract.id), contract);
}

/** Contracts by id for rows that carry only a contract id (orders, fills). */
export function useContractsById(contractIds: readonly string[]): ReadonlyMap<string, ContractView> {
  const api = useTerminalApi();
  const link = useLinkState();
  const unique = [...new Set(contractIds)].sort();
  return useQueries({
    queries: unique.map((contractId) => ({
      queryKey: contractKeys.detail(contractId),
      queryFn: () => callOrThrow(api, 'contracts.resolve', { symbol: contractId }),
      enabled: link === 'live',
      retry: false,
    })),
    combine: (results) => {
      const byId = new Map<string, ContractView>();
      results.forEach((result) => {
        if (result.data !== undefined) byId.set(result.data.id, result.data);
      });
      return byId;
    },
  });
}
