import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from './host/data-dir';
import { startHeadlessHost, type HeadlessHost } from './host/headless-host';
import { parseHeadlessOptions } from './host/headless-options';
import { createFileLogger } from './logging/create-logger';

// Headless entry (npm run serve): the same core as the desktop app, served on 127.0.0.1.
async function main(): Promise<void> {
  const options = parseHeadlessOptions(process.argv.slice(2));
  const dataDir = resolveDataDir(options.dataDir);
  const logger = createFileLogger(dataDir, 'app');
  let host: HeadlessHost | undefined;
  let stopping = false;

  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 5000);
    forced.unref();
    void (host?.stop() ?? Promise.resolve())
      .then(() => logger.close())
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
  host = await startHeadlessHost({
    dataDir,
    port: options.port,
    rendererDir: existsSync(rendererDir) ? rendererDir : undefined,
    logger,
  });
  if (stopping) {
    await host.stop();
    return;
  }
  logger.info({ url: host.ready.api, dataDir }, 'headless host ready');
  process.stdout.write(`READY ${JSON.stringify(host.ready)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
