import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The READY line of `npm run sim`. */
export interface SimReady {
  rest: string;
  userHub: string;
  marketHub: string;
  control: string;
}

/** A standalone simulator process (`npm run sim`), outliving the terminals that connect to it. */
export interface SimProcess {
  readonly ready: SimReady;
  readonly child: ChildProcess;
  /** Logs in and calls a REST endpoint as another app on the same account would. */
  rest<T>(path: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the built simulator and waits for its READY line. */
export async function startSimulator(clock: string): Promise<SimProcess> {
  const child = spawn(process.execPath, [resolve('out/main/sim.js'), '--port', '0', '--clock', clock], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<SimReady>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the simulator printed no READY line within 15 s')), 15_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      done(JSON.parse(line.slice('READY '.length)) as SimReady);
    });
  });
  let token: string | undefined;
  const post = async <T>(path: string, body: unknown, bearer?: string): Promise<T> => {
    const response = await fetch(`${ready.rest}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    ready,
    child,
    rest: async <T>(path: string, body: unknown) => {
      token ??= (await post<{ token: string }>('/api/Auth/loginKey', { userName: 'demo', apiKey: 'demo' })).token;
      return post<T>(path, body, token);
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
