import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { connectionKeys } from '../../lib/queries/query-keys';

/** Settings keys: the host's own settings, read when the settings open. */
export const settingsKeys = {
  all: ['settings'] as const,
  credentials: () => [...settingsKeys.all, 'credentials'] as const,
  desktop: () => [...settingsKeys.all, 'desktop'] as const,
};

/** The terminal's identity: host kind, version, data folder. */
export function useTerminalInfo() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({ queryKey: connectionKeys.app(), queryFn: () => callOrThrow(api, 'app.info', {}), enabled: link === 'live' });
}

/** Whether broker credentials are kept (never the key). */
export function useCredentialsStatus() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: settingsKeys.credentials(),
    queryFn: () => callOrThrow(api, 'settings.credentials.get', {}),
    enabled: link === 'live',
    refetchOnMount: 'always',
    retry: false,
  });
}

/** The desktop app's settings; the headless host answers with an error that says why it has none. */
export function useDesktopSettings() {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: settingsKeys.desktop(),
    queryFn: () => callOrThrow(api, 'settings.desktop.get', {}),
    enabled: link === 'live',
    refetchOnMount: 'always',
    retry: false,
  });
}
