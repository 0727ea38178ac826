import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from './host/data-dir';
import { startHeadlessHost, type HeadlessHost } from './host/headless-host';
import { parseHeadlessOptions, type HeadlessOptions } from './host/headless-options';
import type { BrokerConfig } from './compose';
import { openLogSet } from './logging/log-set';

// Headless entry (npm run serve): the same core as the desktop app, served on 127.0.0.1.
async function main(): Promise<void> {
  const options = parseHeadlessOptions(process.argv.slice(2));
  const dataDir = resolveDataDir(options.dataDir);
  const logs = openLogSet(dataDir);
  const logger = logs.app;
  let host: HeadlessHost | undefined;
  let stopping = false;

  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 5000);
    forced.unref();
    void (host?.stop() ?? Promise.resolve())
      .then(() => logs.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`serve: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
  };
  // Handlers go in before READY is printed: a signal sent the moment READY appears must still stop cleanly.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const broker = brokerConfig(options);
  if (!broker.ok) {
    process.stderr.write(`serve: ${broker.message}\n`);
    process.exit(2);
  }
  host = await startHeadlessHost({
    dataDir,
    port: options.port,
    rendererDir: options.ui && existsSync(rendererDir) ? rendererDir : undefined,
    logger,
    broker: broker.config,
    loggers: { broker: logs.broker, enforcement: logs.enforcement },
    ...(options.clock === undefined ? {} : { clockStart: options.clock }),
  });
  if (stopping) {
    await host.stop();
    return;
  }
  logger.info({ url: host.ready.api, dataDir }, 'headless host ready');
  process.stdout.write(`READY ${JSON.stringify(host.ready)}\n`);
}

/** The broker from the flags and, for ProjectX, the credentials from the environment (never from flags). */
function brokerConfig(options: HeadlessOptions): { ok: true; config: BrokerConfig } | { ok: false; message: string } {
  if (options.broker === 'sim') return { ok: true, config: { kind: 'simulator' } };
  const userName = process.env.PROJECTX_USERNAME ?? '';
  const apiKey = process.env.PROJECTX_API_KEY ?? '';
  if (userName === '' || apiKey === '') return { ok: false, message: '--broker projectx needs PROJECTX_USERNAME and PROJECTX_API_KEY in the environment' };
  return {
    ok: true,
    config: {
      kind: 'projectx',
      userName,
      apiKey,
      ...(options.restUrl === undefined ? {} : { restUrl: options.restUrl }),
      ...(options.userHubUrl === undefined ? {} : { userHubUrl: options.userHubUrl }),
      ...(options.marketHubUrl === undefined ? {} : { marketHubUrl: options.marketHubUrl }),
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
