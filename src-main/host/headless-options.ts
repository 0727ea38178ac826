import { Command, InvalidArgumentError } from 'commander';

/** Options of `npm run serve`. */
export interface HeadlessOptions {
  readonly dataDir: string | undefined;
  readonly port: number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 picks a free port)');
  }
  return port;
}

/** Parses the headless host's command line; exits with a usage message on bad input. */
export function parseHeadlessOptions(argv: readonly string[]): HeadlessOptions {
  const program = new Command('serve')
    .description('Runs the terminal without a window: the UI and the contract on 127.0.0.1')
    .option('--data-dir <dir>', 'data folder (default: TERMINAL_DATA_DIR or the per-user data folder)')
    .option('--port <n>', 'port to listen on; 0 picks a free port', parsePort, 0)
    .allowExcessArguments(false)
    .parse([...argv], { from: 'user' });
  const options = program.opts<{ dataDir?: string; port: number }>();
  return { dataDir: options.dataDir, port: options.port };
}
