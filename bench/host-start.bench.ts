import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { median, round, type Benchmark } from './bench-harness';

const runs = 5;

/** Cold start of the built headless host (on the built-in simulator) to its READY line, next to a bare `node` start. */
export const hostStartBenchmark: Benchmark = {
  name: 'host-cold-start',
  async run() {
    const bare: number[] = [];
    const host: number[] = [];
    for (let index = 0; index < runs; index++) {
      bare.push(await timeToLine([process.execPath, '-e', "process.stdout.write('READY {}\\n')"]));
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
      host.push(await timeToLine([process.execPath, resolve('out/main/headless.js'), '--data-dir', dataDir, '--port', '0']));
      rmSync(dataDir, { recursive: true, force: true });
    }
    return { runs, bareNodeMedianMs: round(median(bare)), hostToReadyMedianMs: round(median(host)), hostMaxMs: round(Math.max(...host)), targetMs: 2000 };
  },
};

/** Spawns a command and resolves with the milliseconds until it prints a READY line; then stops it. */
function timeToLine(command: readonly string[]): Promise<number> {
  const [executable, ...args] = command;
  const started = performance.now();
  const child = spawn(executable ?? process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error('no READY line within 20 s'));
    }, 20_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      child.once('exit', () => done(elapsed));
      child.kill('SIGTERM');
    });
  });
}
