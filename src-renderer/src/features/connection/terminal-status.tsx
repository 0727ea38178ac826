import { useLinkState } from '../../bridge/bridge-context';
import { useAppInfo, useConnectionState } from './queries';

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour12: false });
}

/** The terminal's identity and trading state, with the reason order entry is halted when it is. */
export function TerminalStatus() {
  const link = useLinkState();
  const info = useAppInfo();
  const connection = useConnectionState();
  if (link === 'refused') {
    return (
      <div className="banner banner-bad" role="alert" data-testid="refused-banner">
        The terminal refused this page's access token. Open the address printed by <code>npm start</code> or <code>npm run serve</code>.
      </div>
    );
  }
  const state = connection.data;
  return (
    <section className="panel status-panel" aria-label="terminal status">
      <header className="panel-title">Terminal</header>
      {state !== undefined && state.trading === 'halted' && (
        <div className="banner banner-warn" role="status" data-testid="trading-halted">
          Order entry halted: {state.reason}
        </div>
      )}
      <dl className="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{info.data?.version ?? '—'}</dd>
        <dt>Host</dt>
        <dd>{info.data?.host ?? '—'}</dd>
        <dt>Process</dt>
        <dd>{info.data === undefined ? '—' : `pid ${info.data.pid}, started ${formatTime(info.data.startedAt)}`}</dd>
        <dt>Data folder</dt>
        <dd className="mono">{info.data?.dataDir ?? '—'}</dd>
        <dt>Broker</dt>
        <dd>{state === undefined ? '—' : `${state.broker} since ${formatTime(state.since)}`}</dd>
        <dt>Trading</dt>
        <dd>{state?.trading ?? '—'}</dd>
      </dl>
    </section>
  );
}
