import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { startHeadlessHost, type HeadlessHost } from '../host/headless-host';
import { runCli } from './program';

let host: HeadlessHost;

beforeAll(async () => {
  host = await startHeadlessHost({
    dataDir: mkdtempSync(join(tmpdir(), 'cli-')),
    port: 0,
    rendererDir: undefined,
    logger: silentLogger,
    broker: { kind: 'none' },
  });
});
afterAll(() => host.stop());

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('cli', () => {
  it('finds the running terminal through api.json and prints its status', async () => {
    const run = await cli('--data-dir', host.ready.dataDir, 'status');

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Topstep Terminal \S+ \(headless, pid \d+, up \d+[smhd]( \d+[smh])?\)\n/);
    expect(run.stdout).toContain('broker    not-configured');
    expect(run.stdout).toMatch(/api ping {2}[\d.]+ ms/);
  });

  it('prints the status as JSON with --json, connecting through --url and --token', async () => {
    const run = await cli('--url', host.ready.api, '--token', host.ready.token, '--json', 'status');
    const report = JSON.parse(run.stdout) as { app: { pid: number }; connection: { trading: string }; pingMs: number };

    expect(run.code).toBe(0);
    expect(report.app.pid).toBe(process.pid);
    expect(report.connection.trading).toBe('halted');
    expect(report.pingMs).toBeGreaterThanOrEqual(0);
  });

  it('accepts the UI address with its token as --url', async () => {
    const run = await cli('--url', host.ready.url, 'status');

    expect(run.code).toBe(0);
  });

  it('exits non-zero with one line naming the code when the token is wrong', async () => {
    const run = await cli('--data-dir', host.ready.dataDir, '--token', 'wrong', 'status');

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error unauthorized: the terminal refused the connection: wrong token\n');
  });

  it('exits non-zero with a JSON error under --json when no terminal runs there', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cli-empty-'));

    const run = await cli('--data-dir', empty, '--json', 'status');

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'not-connected' } });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses --url without a token and an unknown command', async () => {
    const noToken = await cli('--url', 'ws://127.0.0.1:1/api', 'status');
    const unknown = await cli('frobnicate');

    expect(noToken).toMatchObject({ code: 1, stderr: 'error invalid-request: --url needs --token (or a token in the URL)\n' });
    expect(unknown.code).toBe(2);
  });
});
