import type { AppInfo } from '../../../src-shared/domain/app-info';
import type { ConnectionState } from '../../../src-shared/domain/connection';
import { formatDuration } from '../../../src-shared/domain/durations';
import type { Result } from '../../../src-shared/result';
import type { TerminalApi } from '../../../src-shared/terminal-api';

/** What `status` reports. */
export interface StatusReport {
  readonly app: AppInfo;
  readonly connection: ConnectionState;
  /** Round trip of a ping through the API, in milliseconds. */
  readonly pingMs: number;
  /** The terminal's clock at the ping (it may run from a `--clock` start). */
  readonly terminalTime: number;
}

/** Collects the terminal's identity, connection state and API round trip. */
export async function collectStatus(api: TerminalApi, now: () => number): Promise<Result<StatusReport>> {
  const app = await api.invoke('app.info', {});
  if (!app.ok) return app;
  const connection = await api.invoke('connection.get', {});
  if (!connection.ok) return connection;
  const started = now();
  const pong = await api.invoke('app.ping', { nonce: 'status' });
  if (!pong.ok) return pong;
  return {
    ok: true,
    value: { app: app.value, connection: connection.value, pingMs: Math.round((now() - started) * 100) / 100, terminalTime: pong.value.time },
  };
}

/** The human-readable form of `status`. */
export function formatStatus(report: StatusReport): string {
  const { app, connection } = report;
  return [
    `${app.name} ${app.version} (${app.host}, pid ${app.pid}, up ${formatDuration(report.terminalTime - app.startedAt)})`,
    `data dir  ${app.dataDir}`,
    `broker    ${connection.broker}${app.broker === 'simulator' ? ' (SIM: the built-in simulator, prices are simulated)' : ''}`,
    `trading   ${connection.trading}: ${connection.reason}`,
    `api ping  ${report.pingMs} ms`,
  ].join('\n');
}
