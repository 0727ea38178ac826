import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { connectionKeys } from '../../lib/queries/query-keys';

export { useConnectionState } from '../../lib/queries/trading-queries';

/** The terminal's identity (version, host, data folder). */
export function useAppInfo() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: connectionKeys.app(), queryFn: () => callOrThrow(api, 'app.info', {}), enabled: link === 'live' });
}
