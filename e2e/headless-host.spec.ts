import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from './headless-host';

test('prints one READY line and writes api.json readable by its owner only', async () => {
  const host = await startHost();

  const apiFile = join(host.ready.dataDir, 'api.json');
  const written = JSON.parse(readFileSync(apiFile, 'utf8')) as Record<string, unknown>;

  expect(host.lines.filter((line) => line.startsWith('READY '))).toHaveLength(1);
  expect(host.ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  expect(host.ready.api).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/api$/);
  expect(host.ready.url).toContain(encodeURIComponent(host.ready.token));
  expect(written).toEqual({ url: host.ready.url, api: host.ready.api, token: host.ready.token, pid: host.child.pid });
  expect(statSync(apiFile).mode & 0o777).toBe(0o600);
  await host.stop();
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`shuts down cleanly on ${signal} and removes api.json`, async () => {
    const host = await startHost();

    const code = await host.stop(signal);

    expect(code).toBe(0);
    expect(existsSync(join(host.ready.dataDir, 'api.json'))).toBe(false);
  });
}

test('refuses a bad --port with a usage error', async () => {
  await expect(startHost(['--port', 'lots'])).rejects.toThrow(/exited with 1 before READY/);
});
