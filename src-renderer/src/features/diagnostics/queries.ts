import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';

const diagnosticsKeys = {
  all: ['diagnostics'] as const,
  snapshot: () => [...diagnosticsKeys.all, 'snapshot'] as const,
};

/** How often the open diagnostics view refreshes (it is a measurement, not pushed state). */
const refreshMs = 2000;

/** Broker latency, event rates and hub health, read every two seconds while the view is open. */
export function useDiagnostics() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: diagnosticsKeys.snapshot(),
    queryFn: () => callOrThrow(api, 'diagnostics.get', {}),
    enabled: link === 'live',
    refetchInterval: refreshMs,
    staleTime: 0,
  });
}
