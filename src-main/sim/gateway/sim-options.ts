import { Command, InvalidArgumentError } from 'commander';

/** Options of `npm run sim`. */
export interface SimCommandOptions {
  readonly port: number;
  readonly seed: number | undefined;
  /** ISO instant the exchange clock starts at. */
  readonly clock: string | undefined;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 picks a free port)');
  return port;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) throw new InvalidArgumentError('must be a whole number');
  return seed;
}

function parseClock(value: string): string {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('must be an ISO date-time, e.g. 2026-03-18T15:00:00Z');
  return value;
}

/** Parses the simulator's command line; exits with a usage message on bad input. */
export function parseSimOptions(argv: readonly string[]): SimCommandOptions {
  const program = new Command('sim')
    .description('Runs the ProjectX-compatible exchange simulator on 127.0.0.1: REST, SignalR hubs and the /sim control API')
    .option('--port <n>', 'port to listen on; 0 picks a free port', parsePort, 0)
    .option('--seed <n>', 'seed of the market generator', parseSeed)
    .option('--clock <iso>', 'start the exchange clock at this instant; it then runs forward in real time', parseClock)
    .allowExcessArguments(false)
    .parse([...argv], { from: 'user' });
  const options = program.opts<{ port: number; seed?: number; clock?: string }>();
  return { port: options.port, seed: options.seed, clock: options.clock };
}
