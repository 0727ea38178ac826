import { expect, test } from '@playwright/test';
import type { HostProcess } from './headless-host';
import { Terminal } from './risk-kit';
import { collectProblems, keepScreenshot, openTerminal, simControl, startTradingHost } from './terminal-ui';

let host: HostProcess;

test.beforeEach(async () => {
  host = await startTradingHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('a loss breach driven by the simulator locks the account, shows the banner and refuses the next order with its reason', async ({ page }) => {
  const problems = collectProblems(page);
  // The loss rules are personal and off on a fresh account: one click switches the discipline rules on.
  await new Terminal(host.ready.dataDir).discipline();
  await openTerminal(page, host);
  await expect(page.getByTestId('risk-health')).toBeVisible();
  // No bracket: nothing but the risk manager closes the position.
  await page.getByTestId('ticket-bracket').selectOption('none');
  await page.getByTestId('ticket-buy').click();
  const row = page.getByTestId('position-row');
  await expect(row).toHaveCount(1);
  const average = Number((await row.locator('td').nth(3).innerText()).replace(/,/g, ''));

  // 30 ticks against a long ES is -$375, past the default $300 unrealized-loss limit (rule 004).
  await simControl(host, '/price', { symbol: 'ES', price: average - 7.5 });

  await expect(page.getByTestId('lock-banner')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('lock-banner')).toContainText('RULE-');
  await expect(page.getByTestId('lock-countdown')).toHaveText(/\d+:\d{2}/);
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('ticket-buy')).toBeDisabled();
  await page.keyboard.press('Alt+KeyB');
  await expect(page.getByTestId('ticket-error')).toContainText('locked');
  await expect(page.getByTestId('risk-lock').first()).toBeVisible();
  await keepScreenshot(page, 'risk-locked');
  expect(problems).toEqual([]);
});
