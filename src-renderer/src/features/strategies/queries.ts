import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { strategyKeys } from '../../lib/queries/query-keys';
import { strategyLogLimit } from '../../lib/queries/strategy-queries';

/** A strategy with its orders and fills; read again when its orders or position change (see the event sync). */
export function useStrategyDetail(id: string | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: strategyKeys.detail(id ?? ''),
    queryFn: () => callOrThrow(api, 'strategies.get', { id: id ?? '' }),
    enabled: link === 'live' && id !== undefined,
    retry: false,
  });
}

/** A strategy's decision log, oldest first; new lines arrive as `strategies.log` events. */
export function useStrategyLog(id: string | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: strategyKeys.log(id ?? ''),
    queryFn: () => callOrThrow(api, 'strategies.log', { id: id ?? '', limit: strategyLogLimit }),
    enabled: link === 'live' && id !== undefined,
    retry: false,
  });
}
