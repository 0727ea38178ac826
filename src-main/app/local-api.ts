import { randomBytes } from 'node:crypto';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { EventHub } from '../core/event-hub';
import type { Logger } from '../core/logger';
import { removeApiFile, writeApiFile } from '../host/api-file';
import { startHostServer, type HostServer } from '../host/host-server';

/** What the local API serves. */
export interface LocalApiOptions {
  readonly dataDir: string;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly logger: Logger;
}

/**
 * The desktop's local API for the CLI: the headless host's server (127.0.0.1, token, Host and
 * Origin checks) serving the same contract, announced in the same `<dataDir>/api.json`.
 */
export class LocalApi {
  private server: HostServer | undefined;
  private queue: Promise<void> = Promise.resolve();

  public constructor(private readonly options: LocalApiOptions) {}

  /** Where the API listens, while on. */
  public url(): string | null {
    return this.server?.address.api ?? null;
  }

  /** Starts or stops the server; calls run one after another. */
  public setEnabled(enabled: boolean): Promise<void> {
    this.queue = this.queue
      .then(() => (enabled ? this.start() : this.stop()))
      .catch((error: unknown) => {
        this.options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'local API could not be started');
      });
    return this.queue;
  }

  private async start(): Promise<void> {
    if (this.server !== undefined) return;
    const { dataDir, dispatcher, events, logger } = this.options;
    const token = randomBytes(32).toString('base64url');
    const server = await startHostServer({ dispatcher, events, logger, token, rendererDir: undefined }, 0);
    this.server = server;
    writeApiFile(dataDir, { url: server.address.url, api: server.address.api, token, pid: process.pid });
    logger.info({ api: server.address.api }, 'local API started');
  }

  private async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    removeApiFile(this.options.dataDir, process.pid);
    await server.close();
    this.options.logger.info({}, 'local API stopped');
  }
}
