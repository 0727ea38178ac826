import { Command, InvalidArgumentError, Option } from 'commander';

/** Which broker the headless host connects to. */
export type BrokerChoice = 'sim' | 'projectx';

/** Options of `npm run serve`. */
export interface HeadlessOptions {
  readonly dataDir: string | undefined;
  readonly port: number;
  readonly broker: BrokerChoice;
  readonly restUrl: string | undefined;
  readonly userHubUrl: string | undefined;
  readonly marketHubUrl: string | undefined;
  /** Epoch ms the core's clock (and the built-in simulator's) starts at. */
  readonly clock: number | undefined;
  /** Serve the API only, no UI (daemon mode). */
  readonly ui: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 picks a free port)');
  }
  return port;
}

function parseInstant(value: string): number {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) throw new InvalidArgumentError('must be an ISO date-time such as 2026-11-18T16:00:00Z');
  return time;
}

function parseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) throw new Error('protocol');
  } catch {
    throw new InvalidArgumentError('must be an http(s) or ws(s) URL');
  }
  return value;
}

/** Parses the headless host's command line; exits with a usage message on bad input. */
export function parseHeadlessOptions(argv: readonly string[]): HeadlessOptions {
  const program = new Command('serve')
    .description('Runs the terminal without a window: the UI and the contract on 127.0.0.1')
    .option('--data-dir <dir>', 'data folder (default: TERMINAL_DATA_DIR or the per-user data folder)')
    .option('--port <n>', 'port to listen on; 0 picks a free port', parsePort, 0)
    .addOption(
      new Option('--broker <broker>', 'sim: the built-in simulator; projectx: a ProjectX gateway (PROJECTX_USERNAME, PROJECTX_API_KEY)')
        .choices(['sim', 'projectx'])
        .default('sim'),
    )
    .option('--rest-url <url>', 'ProjectX REST base (default TopstepX)', parseUrl)
    .option('--user-hub-url <url>', 'ProjectX user hub (default TopstepX)', parseUrl)
    .option('--market-hub-url <url>', 'ProjectX market hub (default TopstepX)', parseUrl)
    .option('--clock <iso>', "start the core's clock (and the built-in simulator's) at this instant", parseInstant)
    .option('--no-ui', 'serve the API only (daemon mode for risk monitoring)')
    .allowExcessArguments(false)
    .parse([...argv], { from: 'user' });
  const options = program.opts<{
    dataDir?: string;
    port: number;
    broker: BrokerChoice;
    restUrl?: string;
    userHubUrl?: string;
    marketHubUrl?: string;
    clock?: number;
    ui: boolean;
  }>();
  return {
    dataDir: options.dataDir,
    port: options.port,
    broker: options.broker,
    restUrl: options.restUrl,
    userHubUrl: options.userHubUrl,
    marketHubUrl: options.marketHubUrl,
    clock: options.clock,
    ui: options.ui,
  };
}
