import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiFilePath, readApiFile, removeApiFile, writeApiFile } from './api-file';

const content = { url: 'http://127.0.0.1:1/?token=t', api: 'ws://127.0.0.1:1/api', token: 'x'.repeat(43), pid: 1234 };

describe('api file', () => {
  it('is written readable by its owner only and read back', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'api-file-')), 'nested');

    writeApiFile(dataDir, content);

    expect(statSync(apiFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readApiFile(dataDir)).toEqual(content);
  });

  it('is removed only by the process that wrote it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'api-file-'));
    writeApiFile(dataDir, content);

    removeApiFile(dataDir, 999);
    const afterForeign = readApiFile(dataDir);
    removeApiFile(dataDir, 1234);

    expect(afterForeign).toEqual(content);
    expect(readApiFile(dataDir)).toBeUndefined();
  });

  it('reads a malformed file as missing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'api-file-'));
    writeFileSync(apiFilePath(dataDir), '{"url": 3');

    expect(readApiFile(dataDir)).toBeUndefined();
  });
});
