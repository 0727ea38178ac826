import { expect } from '@playwright/test';
import { keepScreenshot, openScreen, openTerminal, test } from './terminal-ui';

test('a backtest runs to completion with its statistics, equity curve and trades', async ({ page, host }) => {
  test.setTimeout(90_000);
  await openTerminal(page, host);
  await openScreen(page, 'backtest');
  const form = page.getByTestId('backtest-form');

  await form.getByTestId('backtest-kind').selectOption('trend-following');
  await form.getByTestId('backtest-symbol').fill('ES');
  await form.getByTestId('backtest-from').fill('2026-11-09');
  await form.getByTestId('backtest-to').fill('2026-11-17');
  await form.getByTestId('backtest-unit').selectOption('1m');
  await form.getByTestId('parameter-barMinutes').fill('5');
  await page.getByTestId('backtest-start').click();

  const progress = page.getByTestId('backtest-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(page.getByTestId('backtest-percent')).toContainText('100%');
  const statistics = page.getByTestId('backtest-statistics');
  await expect(statistics.getByTestId('stat-net')).toContainText('$');
  for (const figure of ['trades', 'win-rate', 'profit-factor', 'expectancy', 'max-drawdown', 'sharpe'])
    await expect(statistics.getByTestId(`stat-${figure}`)).toBeVisible();
  const trades = Number(await statistics.getByTestId('stat-trades').locator('.stat-value').innerText());
  expect(trades).toBeGreaterThan(0);
  await expect(page.getByTestId('backtest-trades').getByTestId('round-trip-row')).toHaveCount(Math.min(trades, 1000));
  await expect.poll(async () => Number(await page.getByTestId('backtest-equity').getAttribute('data-points'))).toBeGreaterThan(1);
  await expect(page.getByTestId('backtest-equity').locator('canvas').first()).toBeVisible();
  await keepScreenshot(page, 'backtest-results');
});

test('a running backtest can be cancelled', async ({ page, host }) => {
  await openTerminal(page, host);
  await openScreen(page, 'backtest');
  const form = page.getByTestId('backtest-form');
  await form.getByTestId('backtest-kind').selectOption('mean-reversion');
  await form.getByTestId('backtest-from').fill('2026-10-01');
  await form.getByTestId('backtest-to').fill('2026-11-17');
  await form.getByTestId('backtest-unit').selectOption('1m');

  await page.getByTestId('backtest-start').click();
  await expect(page.getByTestId('backtest-cancel')).toBeVisible();
  await page.getByTestId('backtest-cancel').click();

  await expect(page.getByTestId('backtest-progress')).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await expect(page.getByTestId('backtest-results')).toHaveCount(0);
});
