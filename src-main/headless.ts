import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from './host/data-dir';
import { startHeadlessHost } from './host/headless-host';
import { parseHeadlessOptions } from './host/headless-options';
import { createFileLogger } from './logging/create-logger';

// Headless entry (npm run serve): the same core as the desktop app, served on 127.0.0.1.
async function main(): Promise<void> {
  const options = parseHeadlessOptions(process.argv.slice(2));
  const dataDir = resolveDataDir(options.dataDir);
  const logger = createFileLogger(dataDir, 'app');
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const host = await startHeadlessHost({
    dataDir,
    port: options.port,
    rendererDir: existsSync(rendererDir) ? rendererDir : undefined,
    logger,
  });
  logger.info({ url: host.ready.api, dataDir }, 'headless host ready');
  process.stdout.write(`READY ${JSON.stringify(host.ready)}\n`);

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 5000);
    forced.unref();
    void host
      .stop()
      .then(() => logger.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`serve: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
