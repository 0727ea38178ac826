import { ConnectionIndicator } from '../features/connection/connection-indicator';
import { TerminalStatus } from '../features/connection/terminal-status';

/** The window's frame: the top bar with the connection state, and the workspace. */
export function AppShell() {
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Topstep Terminal</span>
        <ConnectionIndicator />
      </header>
      <main className="workspace">
        <TerminalStatus />
      </main>
    </div>
  );
}
