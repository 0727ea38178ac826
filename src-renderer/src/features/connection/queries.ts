import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ConnectionState } from '../../../../src-shared/domain/connection';
import { callOrThrow, useContractEvent, useLinkState, useTerminalApi } from '../../bridge/bridge-context';

const connectionKeys = {
  all: ['connection'] as const,
  state: () => [...connectionKeys.all, 'state'] as const,
  app: () => [...connectionKeys.all, 'app'] as const,
};

/** The broker connection and trading state, kept current by `connection.changed`. */
export function useConnectionState() {
  const api = useTerminalApi();
  const client = useQueryClient();
  const link = useLinkState();
  useContractEvent('connection.changed', (state: ConnectionState) => client.setQueryData(connectionKeys.state(), state));
  // Events sent while the link was down are lost: read the state again when it comes back.
  useEffect(() => {
    if (link === 'live') void client.invalidateQueries({ queryKey: connectionKeys.all });
  }, [client, link]);
  return useQuery({ queryKey: connectionKeys.state(), queryFn: () => callOrThrow(api, 'connection.get', {}), staleTime: Infinity, enabled: link === 'live' });
}

/** The terminal's identity (version, host, data folder). */
export function useAppInfo() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: connectionKeys.app(), queryFn: () => callOrThrow(api, 'app.info', {}), staleTime: Infinity, enabled: link === 'live' });
}
