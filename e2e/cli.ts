import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventuallyOptions } from '../src-main/testing/eventually';

/** What one CLI run printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`npm run cli -- …`) against a data folder. */
export function cli(dataDir: string, ...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [resolve('out/main/cli.js'), '--data-dir', dataDir, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

/** Runs a CLI command with --json and parses its output; throws with stderr when it fails. */
export async function cliJson<T>(dataDir: string, ...args: string[]): Promise<T> {
  const run = await cli(dataDir, '--json', ...args);
  if (run.code !== 0) throw new Error(`cli ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** How e2e polls with `eventually`: every probe is a CLI run or an HTTP call, so it looks every 150 ms. */
export function polling(timeoutMs = 15_000): EventuallyOptions {
  return { timeoutMs, intervalMs: 150 };
}

/** Writes `content` (JSON, or text as it is) to a new temporary file and returns its path. */
export function jsonFile(content: unknown, name = 'file.json'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-cli-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
