import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, logsDirectory } from './create-logger';
import { openLogSet } from './log-set';

/** The roll number of `name[.date].n.log`. */
function fileNumber(file: string): number {
  return Number(/\.(\d+)\.log$/.exec(file)?.[1] ?? 0);
}

function logLines(dataDir: string, name: string): Record<string, unknown>[] {
  const directory = logsDirectory(dataDir);
  return readdirSync(directory)
    .filter((file) => file.startsWith(`${name}.`))
    .sort((a, b) => fileNumber(a) - fileNumber(b))
    .flatMap((file) => readFileSync(join(directory, file), 'utf8').split('\n'))
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('file logger', () => {
  it('writes JSON lines with credentials and tokens replaced', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'logs-'));
    const logger = createFileLogger(dataDir, 'app');

    logger.info({ userName: 'trader', apiKey: 'k-123', nested: { token: 'abc', headers: { Authorization: 'Bearer xyz' } } }, 'logged in');
    logger.warn({ url: 'ws://127.0.0.1:1/api?token=s3cret&x=1' }, 'connect to wss://hub/?access_token=eyJhbGciOi.eyJzdWIiOi.sig failed');
    await logger.close();

    const lines = logLines(dataDir, 'app');
    const text = JSON.stringify(lines);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'logged in',
      log: 'app',
      userName: 'trader',
      apiKey: '[redacted]',
      nested: { token: '[redacted]', headers: { Authorization: '[redacted]' } },
    });
    expect(lines[1]).toMatchObject({ level: 40, url: 'ws://127.0.0.1:1/api?token=[redacted]&x=1' });
    for (const secret of ['k-123', 'abc', 'xyz', 's3cret', 'eyJhbGciOi']) expect(text).not.toContain(secret);
  });

  it('rolls over by size and keeps only the newest files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'logs-'));
    const logger = createFileLogger(dataDir, 'app', { maxBytes: 1024, keep: 2, daily: false });

    for (let index = 0; index < 60; index++) {
      logger.info({ index, padding: 'x'.repeat(100) }, 'line');
      // Rolling happens after a write drains: give the stream a turn.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await logger.close();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const files = readdirSync(logsDirectory(dataDir));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
    for (const file of files) expect(file).toMatch(/^app\.\d+\.log$/);
    const indexes = logLines(dataDir, 'app').map((line) => line.index);
    expect(indexes.at(-1)).toBe(59);
  });

  it('keeps the folder private and writes the app, broker and enforcement logs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'logs-'));
    const logs = openLogSet(dataDir);

    logs.app.info({}, 'app line');
    logs.broker.info({}, 'broker line');
    logs.enforcement.error({ accountId: 1 }, 'flatten failed');
    await logs.close();

    expect(statSync(logs.directory).mode & 0o777).toBe(0o700);
    expect(logLines(dataDir, 'app')).toEqual([expect.objectContaining({ msg: 'app line' })]);
    expect(logLines(dataDir, 'broker')).toEqual([expect.objectContaining({ msg: 'broker line', log: 'broker' })]);
    expect(logLines(dataDir, 'enforcement')).toEqual([expect.objectContaining({ msg: 'flatten failed', level: 50 })]);
    for (const file of readdirSync(logs.directory)) expect(file).toMatch(/^(app|broker|enforcement)\.\d{4}-\d{2}-\d{2}\.\d+\.log$/);
  });

  it('closes cleanly when nothing was logged, and twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'logs-'));
    const logger = createFileLogger(dataDir, 'app');

    await logger.close();
    await expect(logger.close()).resolves.toBeUndefined();
  });
});
