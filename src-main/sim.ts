import type { Logger } from './core/logger';
import { startSimGateway, type SimGateway } from './sim/gateway/sim-gateway';
import { parseSimOptions } from './sim/gateway/sim-options';

// Standalone simulator (npm run sim): stdout carries only the READY line; problems go to stderr.
const stderrLogger: Logger = {
  info: () => undefined,
  warn: (fields, message) => process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...fields })}\n`),
  error: (fields, message) => process.stderr.write(`${JSON.stringify({ level: 'error', message, ...fields })}\n`),
};

async function main(): Promise<void> {
  const options = parseSimOptions(process.argv.slice(2));
  let gateway: SimGateway | undefined;
  let stopping = false;

  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => process.exit(1), 5000);
    forced.unref();
    void (gateway?.close() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sim: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  // Handlers go in before READY is printed: a signal sent the moment READY appears must still stop cleanly.
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  gateway = await startSimGateway({ port: options.port, seed: options.seed, clock: options.clock, logger: stderrLogger });
  if (stopping) {
    await gateway.close();
    return;
  }
  const { rest, userHub, marketHub, control } = gateway.urls;
  process.stdout.write(`READY ${JSON.stringify({ rest, userHub, marketHub, control })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
