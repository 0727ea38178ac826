import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callOrThrow, useContractEvent, useLinkState, useTerminalApi } from '../../bridge/bridge-context';

/** Bracket templates key factory: one catalogue (templates, every account's defaults, the missing-stop policy). */
export const bracketKeys = {
  all: ['brackets'] as const,
  catalog: () => [...bracketKeys.all, 'catalog'] as const,
};

/**
 * The bracket templates, the accounts' default templates and the missing-stop policy; read again
 * when a change is announced (from any window or the CLI) and when the link returns.
 */
export function useBracketCatalog() {
  const api = useTerminalApi();
  const link = useLinkState();
  const client = useQueryClient();
  useEffect(() => {
    if (link === 'live') void client.invalidateQueries({ queryKey: bracketKeys.all });
  }, [client, link]);
  useContractEvent('brackets.changed', () => void client.invalidateQueries({ queryKey: bracketKeys.all }));
  return useQuery({
    queryKey: bracketKeys.catalog(),
    queryFn: () => callOrThrow(api, 'brackets.list', {}),
    enabled: link === 'live',
    retry: false,
    staleTime: 30_000,
  });
}

/** Reads the catalogue again (after a template, a default or the policy changed). */
export function useRefreshBracketCatalog(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: bracketKeys.all });
}
