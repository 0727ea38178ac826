import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { connectionKeys } from '../../lib/queries/query-keys';

/** The terminal's identity: host kind, version, data folder. */
export function useTerminalInfo() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: connectionKeys.app(), queryFn: () => callOrThrow(api, 'app.info', {}), enabled: link === 'live' });
}
