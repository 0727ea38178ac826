import { useConnectionState } from '../../lib/queries/trading-queries';
import { formatChicagoStamp } from '../../../../src-shared/exchange';
import { CredentialsSettings } from './credentials-settings';
import { DesktopSettings } from './desktop-settings';
import { useTerminalInfo } from './queries';

/** The broker connection, its credentials and the desktop app's settings. */
export function ConnectionSettings() {
  const info = useTerminalInfo().data;
  const connection = useConnectionState().data;
  return (
    <div className="settings-section" data-testid="connection-settings">
      <dl className="facts">
        <dt>Broker</dt>
        <dd>{connection === undefined ? '—' : `${connection.broker} since ${formatChicagoStamp(connection.since)} CT`}</dd>
        <dt>Trading</dt>
        <dd>{connection === undefined ? '—' : `${connection.trading} — ${connection.reason}`}</dd>
        <dt>Terminal</dt>
        <dd>{info === undefined ? '—' : `${info.name} ${info.version}, ${info.host} host, pid ${info.pid}`}</dd>
        <dt>Data folder</dt>
        <dd className="mono">{info?.dataDir ?? '—'}</dd>
      </dl>
      {info?.host === 'headless' ? (
        <p className="muted">
          This terminal runs headless. It trades on the built-in simulator unless it was started with <code>--broker projectx</code>; the ProjectX user name and
          API key are then read from <code>PROJECTX_USERNAME</code> and <code>PROJECTX_API_KEY</code> in its environment and never pass through this window.
        </p>
      ) : (
        <p className="muted">Credentials are kept by the desktop app in the operating system's secure storage; the key never comes back to this window.</p>
      )}
      <CredentialsSettings />
      <DesktopSettings />
    </div>
  );
}
