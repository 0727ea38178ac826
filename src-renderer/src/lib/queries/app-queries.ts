import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { connectionKeys } from './query-keys';

/** The terminal's identity (version, host, data folder, broker); one cache entry shared by every feature. */
export function useTerminalInfo() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: connectionKeys.app(), queryFn: () => callOrThrow(api, 'app.info', {}), enabled: link === 'live' });
}

/** True when the terminal trades on its built-in simulator: every price on screen is simulated. */
export function useOnSimulator(): boolean {
  return useTerminalInfo().data?.broker === 'simulator';
}
