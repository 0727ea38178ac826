import { mkdirSync } from 'node:fs';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { startHost, type HostProcess } from './headless-host';

const screenshots = 'reports/screenshots';
let host: HostProcess;

test.beforeEach(async () => {
  // A Wednesday, 10:00 in Chicago: the built-in simulator's market is open.
  host = await startHost(['--clock', '2026-11-18T16:00:00Z']);
});
test.afterEach(async () => {
  await host.stop();
});

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

test('the UI loads with no console error and shows the terminal link as live', async ({ page }) => {
  const problems = collectProblems(page);

  await page.goto(host.ready.url);

  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('link-state')).toContainText('Terminal · Live');
  await expect(page.getByTestId('broker-state')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/foundation-live.png` });
  expect(problems).toEqual([]);
});

test('a reload keeps the session without the token in the address bar', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto(host.ready.url);
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');

  await page.reload();

  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  expect(problems).toEqual([]);
});

test('a wrong token is refused and the page says so', async ({ page }) => {
  const wrong = new URL(host.ready.url);
  wrong.searchParams.set('token', 'not-the-token');

  await page.goto(wrong.toString());

  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'refused');
  await expect(page.getByTestId('refused-banner')).toContainText('refused');
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/foundation-refused.png` });
});

test('the page shows the link as down when the terminal stops', async ({ page }) => {
  await page.goto(host.ready.url);
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');

  await host.stop();

  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'reconnecting');
  await expect(page.getByTestId('broker-state')).toHaveAttribute('data-state', 'unknown');
});
