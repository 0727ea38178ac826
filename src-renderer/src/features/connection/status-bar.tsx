import { formatChicagoClock } from '../../../../src-shared/exchange';
import { useServerNow } from '../../lib/server-clock';
import { useAppInfo } from './queries';

/** The bottom line: exchange time, and the terminal's version and host. */
export function StatusBar() {
  const info = useAppInfo().data;
  const now = useServerNow();
  return (
    <footer className="status-bar">
      <span className="num" data-testid="exchange-clock">
        {formatChicagoClock(now)} CT
      </span>
      <span className="toolbar-fill" />
      <span className="muted">
        Topstep Terminal <span data-testid="app-version">{info?.version ?? '—'}</span>
        {info === undefined ? '' : ` · ${info.host} · pid ${info.pid}`}
      </span>
    </footer>
  );
}
