import { randomBytes } from 'node:crypto';
import { composeTerminal, type BrokerConfig, type Terminal, type TerminalConfig } from '../compose';
import type { Logger } from '../core/logger';
import { removeApiFile, writeApiFile } from './api-file';
import { headlessSettingsHandlers } from './headless-settings-handlers';
import { startHostServer, type HostServer } from './host-server';

/** What the headless host needs to start. */
export interface HeadlessHostOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly rendererDir: string | undefined;
  readonly logger: Logger;
  readonly broker: BrokerConfig;
  readonly clockStart?: number;
  readonly loggers?: TerminalConfig['loggers'];
}

/** The `READY` line's payload. */
export interface ReadyInfo {
  readonly url: string;
  readonly api: string;
  readonly token: string;
  readonly dataDir: string;
  readonly pid: number;
  /** The built-in simulator, when it is the broker. */
  readonly sim?: { readonly rest: string; readonly control: string };
}

/** A running headless terminal. */
export interface HeadlessHost {
  readonly ready: ReadyInfo;
  readonly terminal: Terminal;
  stop(): Promise<void>;
}

/** Starts the core and the local server, then publishes api.json; the broker connects in the background. */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const terminal = await composeTerminal({
    host: 'headless',
    dataDir: options.dataDir,
    logger: options.logger,
    broker: options.broker,
    // The settings channels are the host's own: credentials come from the environment here.
    settings: () => headlessSettingsHandlers(),
    ...(options.clockStart === undefined ? {} : { clockStart: options.clockStart }),
    ...(options.loggers === undefined ? {} : { loggers: options.loggers }),
  });
  const token = randomBytes(32).toString('base64url');
  let server: HostServer;
  try {
    server = await startHostServer(
      { dispatcher: terminal.dispatcher, events: terminal.events, logger: options.logger, token, rendererDir: options.rendererDir },
      options.port,
    );
  } catch (error) {
    await terminal.dispose();
    throw error;
  }
  const { url, api } = server.address;
  writeApiFile(options.dataDir, { url, api, token, pid: process.pid });
  void terminal.start();
  let stopping: Promise<void> | undefined;
  const sim = terminal.sim === undefined ? {} : { sim: { rest: terminal.sim.rest, control: terminal.sim.control } };
  return {
    ready: { url, api, token, dataDir: options.dataDir, pid: process.pid, ...sim },
    terminal,
    stop: () => {
      stopping ??= (async () => {
        removeApiFile(options.dataDir, process.pid);
        await server.close();
        await terminal.dispose();
      })();
      return stopping;
    },
  };
}
