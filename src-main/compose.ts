import type { HostKind } from '../src-shared/domain/app-info';
import type { Clock } from './core/clock';
import { ConnectionMonitor } from './core/connection-monitor';
import { createDispatcher, type Dispatcher } from './core/contract-dispatcher';
import { EventHub } from './core/event-hub';
import type { Logger } from './core/logger';
import { createTerminalHandlers } from './core/terminal-service';
import { version } from '../package.json';

/** What every entry (desktop, headless, tests) decides before building the terminal. */
export interface TerminalConfig {
  readonly host: HostKind;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/** The built terminal: what the hosts serve. */
export interface Terminal {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly connection: ConnectionMonitor;
  dispose(): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };

/** Builds the core, store and adapter from a config; shared by every entry. */
export function composeTerminal(config: TerminalConfig): Terminal {
  const clock = config.clock ?? systemClock;
  const events = new EventHub();
  const connection = new ConnectionMonitor(clock, events);
  const info = {
    name: 'Topstep Terminal',
    version,
    host: config.host,
    pid: process.pid,
    startedAt: clock.now(),
    dataDir: config.dataDir,
  };
  const dispatcher = createDispatcher(createTerminalHandlers({ clock, info, connection, trading: undefined }), config.logger);
  return {
    dispatcher,
    events,
    connection,
    dispose: async () => undefined,
  };
}
