import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A Wednesday, 10:00 in Chicago: the simulated market is open. */
export const marketOpen = '2026-11-18T16:00:00Z';

/** The host's READY line. */
export interface Ready {
  readonly url: string;
  readonly api: string;
  readonly token: string;
  readonly sim?: { readonly rest: string; readonly control: string };
}

/** Starts the built headless host on the simulator, at market open, in `dataDir`. */
export async function startHost(dataDir: string): Promise<{ ready: Ready; child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, [resolve('out/main/headless.js'), '--data-dir', dataDir, '--port', '0', '--clock', marketOpen], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<Ready>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the host printed no READY line within 20 s')), 20_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      done(JSON.parse(line.slice('READY '.length)) as Ready);
    });
  });
  return { ready, child, exited };
}
