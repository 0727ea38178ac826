import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The READY line of `npm run serve`. */
export interface Ready {
  url: string;
  api: string;
  token: string;
  dataDir: string;
  pid: number;
  /** The built-in simulator, when it is the broker. */
  sim?: { rest: string; control: string };
}

/** A headless host process started for one test, with its own data folder. */
export interface HostProcess {
  readonly ready: Ready;
  readonly child: ChildProcess;
  /** Every stdout line the process printed so far. */
  readonly lines: string[];
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Where and how to start a host: an existing data folder (a restart) and extra environment. */
export interface HostStartOptions {
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts `out/main/headless.js` (the built host) and waits for its READY line. */
export async function startHost(extraArgs: string[] = [], options: HostStartOptions = {}): Promise<HostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'e2e-host-'));
  const child = spawn(process.execPath, [resolve('out/main/headless.js'), '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = await new Promise<Ready>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no READY line within 15 s: ${lines.join('\n')}`)), 15_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      done(JSON.parse(line.slice('READY '.length)) as Ready);
    });
    void exited.then((code) => fail(new Error(`host exited with ${code} before READY`)));
  });
  return {
    ready,
    child,
    lines,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
