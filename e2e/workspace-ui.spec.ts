import { expect, test } from '@playwright/test';
import type { HostProcess } from './headless-host';
import { collectProblems, keepScreenshot, openTerminal, startTradingHost } from './terminal-ui';

let host: HostProcess;

test.beforeEach(async () => {
  host = await startTradingHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('settings and the layout survive a reload', async ({ page }) => {
  const problems = collectProblems(page);
  await openTerminal(page, host);
  const watchlist = page.locator('.sidebar-left');
  const widthBefore = (await watchlist.boundingBox())?.width ?? 0;

  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-appearance').click();
  await page.getByTestId('theme-choice').locator('[data-value="midnight"]').click();
  await page.getByTestId('settings-hotkeys').click();
  await page.getByTestId('hotkey-buyMarket').click();
  await page.keyboard.press('Control+Shift+KeyB');
  await expect(page.getByTestId('hotkey-buyMarket')).toHaveText('Ctrl+Shift+B');
  await keepScreenshot(page, 'settings-hotkeys');
  await page.getByTestId('settings-trading').click();
  await page.getByTestId('size-preset-4').fill('7');
  await page.getByTestId('modal-close').click();
  const handle = page.getByRole('separator', { name: 'Resize the watchlist' });
  const handleBox = await handle.boundingBox();
  if (handleBox === null) throw new Error('no resize handle');
  await page.mouse.move(handleBox.x + 2, handleBox.y + 200);
  await page.mouse.down();
  await page.mouse.move(handleBox.x + 62, handleBox.y + 200, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Add chart' }).first().click();
  await expect(page.getByTestId('chart-view')).toHaveCount(2);
  await page.getByTestId('tab-fills').click();

  await page.reload();

  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'midnight');
  await expect(page.getByTestId('chart-view')).toHaveCount(2);
  await expect(page.getByTestId('tab-fills')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('ticket-buy')).toContainText('Ctrl+Shift+B');
  await expect(page.getByRole('group', { name: 'Size presets' })).toContainText('7');
  expect((await watchlist.boundingBox())?.width ?? 0).toBeGreaterThan(widthBefore + 50);
  await expect(page.getByTestId('chart-canvas').nth(1)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await keepScreenshot(page, 'workspace-two-charts-midnight');
  expect(problems).toEqual([]);
});

test('the configured hotkey buys at market and the size preset keys change the size', async ({ page }) => {
  const problems = collectProblems(page);
  await openTerminal(page, host);

  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByTestId('ticket-size')).toHaveValue('2');
  await page.keyboard.press('Alt+Digit1');
  await page.keyboard.press('Alt+KeyB');

  await expect(page.getByTestId('position-row')).toHaveCount(1);
  await expect(page.getByTestId('position-row')).toContainText('Long');
  expect(problems).toEqual([]);
});
