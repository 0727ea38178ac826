import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { startHeadlessHost, type HeadlessHost } from '../host/headless-host';
import { maxMessageBytes } from '../host/message-limits';
import { runCli } from './program';

let host: HeadlessHost;
let files: string;

beforeAll(async () => {
  host = await startHeadlessHost({
    dataDir: mkdtempSync(join(tmpdir(), 'cli-big-')),
    port: 0,
    rendererDir: undefined,
    logger: silentLogger,
    broker: { kind: 'none' },
  });
  files = mkdtempSync(join(tmpdir(), 'cli-big-files-'));
});
afterAll(() => host.stop());

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A risk configuration file of about `bytes` bytes: per-instrument limits for many symbol roots. */
function riskFile(name: string, bytes: number): string {
  const count = Math.ceil(bytes / 12);
  const limits = Object.fromEntries(Array.from({ length: count }, (_, index) => [`X${index.toString().padStart(6, '0')}`, 1]));
  const path = join(files, name);
  writeFileSync(path, JSON.stringify({ maxContractsPerInstrument: { limits } }));
  return path;
}

describe('cli with oversized requests', () => {
  it('prints too-large with the limit for a request over it, and the terminal keeps running', async () => {
    const run = await cli('--data-dir', host.ready.dataDir, 'risk', 'set', riskFile('huge.json', maxMessageBytes + 100_000));

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^error too-large: the message is \\d+ bytes; the terminal takes messages up to ${maxMessageBytes} bytes \\(4 MiB\\)\\n$`),
    );
    expect((await cli('--data-dir', host.ready.dataDir, 'status')).code).toBe(0);
  });

  it('sends a 1.1 MB request and prints the terminal answer, not a closed connection', async () => {
    const run = await cli('--data-dir', host.ready.dataDir, '--json', 'risk', 'set', riskFile('big.json', 1_100_000));

    // No account without a broker: the terminal read the request and answers with its typed error.
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toEqual({ error: { code: 'not-connected', message: 'no broker is configured' } });
    expect((await cli('--data-dir', host.ready.dataDir, 'status')).code).toBe(0);
  });
});
