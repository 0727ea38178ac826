import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The READY line of `npm run sim`. */
export interface SimReady {
  readonly rest: string;
  readonly userHub: string;
  readonly marketHub: string;
  readonly control: string;
}

/** The parts of the headless host's READY line the soak uses. */
export interface HostReady {
  readonly api: string;
  readonly token: string;
  readonly pid: number;
  readonly dataDir: string;
}

/** A child process of the soak that printed its READY line. */
export interface Started<T> {
  readonly ready: T;
  readonly child: ChildProcess;
  /** Resolves once the process ended, with its code or signal. */
  readonly exited: Promise<string>;
  /** The last lines the process wrote on stderr, for a report. */
  stderrTail(): string;
}

/** Starts a built script of out/main with the Node running the soak and waits for its READY line. */
function startReady<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv, what: string, timeoutMs = 30_000): Promise<Started<T>> {
  const child = spawn(process.execPath, [resolve(script), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const tail: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  });
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? `code ${code}`)));
  const stderrTail = (): string => tail.join('\n');
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${what} printed no READY line within ${timeoutMs} ms: ${stderrTail()}`));
    }, timeoutMs);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      done({ ready: JSON.parse(line.slice('READY '.length)) as T, child, exited, stderrTail });
    });
    void exited.then((how) => {
      clearTimeout(timer);
      fail(new Error(`${what} ended (${how}) before READY: ${stderrTail()}`));
    });
  });
}

/** Starts the standalone simulator (`out/main/sim.js`). */
export function startSimulator(seed: number, clock: string): Promise<Started<SimReady>> {
  return startReady<SimReady>('out/main/sim.js', ['--port', '0', '--seed', String(seed), '--clock', clock], process.env, 'the simulator');
}

/** Starts the headless host (`out/main/headless.js`, API only) on the simulator as its ProjectX broker. */
export function startHost(sim: SimReady, dataDir: string, clock: string): Promise<Started<HostReady>> {
  const args = [
    '--no-ui',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--broker',
    'projectx',
    '--rest-url',
    sim.rest,
    '--user-hub-url',
    sim.userHub,
    '--market-hub-url',
    sim.marketHub,
    '--clock',
    clock,
  ];
  return startReady<HostReady>('out/main/headless.js', args, { ...process.env, PROJECTX_USERNAME: 'demo', PROJECTX_API_KEY: 'demo' }, 'the headless host');
}

/** Resident memory of a process in kB (VmRSS), or null when it cannot be read. */
export function residentKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/** Stops a process with `signal` and waits for it, killing it after `graceMs`. */
export async function stopProcess(started: Started<unknown>, signal: NodeJS.Signals = 'SIGTERM', graceMs = 8_000): Promise<string> {
  if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill(signal);
  const timer = setTimeout(() => started.child.kill('SIGKILL'), graceMs);
  const how = await started.exited;
  clearTimeout(timer);
  return how;
}
