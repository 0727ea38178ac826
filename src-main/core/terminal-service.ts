import type { AppInfo } from '../../src-shared/domain/app-info';
import { ok } from '../../src-shared/result';
import type { Clock } from './clock';
import type { ConnectionMonitor } from './connection-monitor';
import type { ContractHandlers } from './contract-dispatcher';

/** What the terminal service needs from its host. */
export interface TerminalServiceDependencies {
  readonly clock: Clock;
  readonly info: AppInfo;
  readonly connection: ConnectionMonitor;
}

/** The contract's handlers: the one place where calls meet the core. */
export function createTerminalHandlers(dependencies: TerminalServiceDependencies): ContractHandlers {
  const { clock, info, connection } = dependencies;
  return {
    'app.info': () => ok(info),
    'app.ping': (request) => ok({ nonce: request.nonce ?? '', time: clock.now() }),
    'connection.get': () => ok(connection.current),
  };
}
