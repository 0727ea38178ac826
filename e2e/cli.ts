import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((wait) => setTimeout(wait, 150));
  }
  throw new Error(`timed out waiting for ${what}${last === undefined ? '' : `: ${String(last)}`}`);
}

/** Writes `content` (JSON, or text as it is) to a new temporary file and returns its path. */
export function jsonFile(content: unknown, name = 'file.json'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-cli-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
