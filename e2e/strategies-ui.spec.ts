import { expect } from '@playwright/test';
import { drawnLines, keepScreenshot, openScreen, openTerminal, simControl, simPrice, test } from './terminal-ui';

/** 09:59:35 CT on a Wednesday: the one-minute bar the strategy acts on closes seconds after it starts. */
const beforeTheMinute = '2026-11-18T15:59:35Z';
/** The simulator's front E-mini S&P contract on that day. */
const esContract = 'CON.F.US.EP.Z26';

test.use({ hostArgs: ['--clock', beforeTheMinute] });

test('a strategy is created, started, places a bracketed order on the market, and is paused, then stopped and flattened', async ({ page, host }) => {
  test.setTimeout(150_000);
  await openTerminal(page, host);
  await openScreen(page, 'strategies');
  await expect(page.getByTestId('strategies-table')).toBeVisible();

  // A one-minute Donchian breakout, longs only: a close above the last two bars' high buys with a stop and a target.
  await page.getByTestId('strategy-new').click();
  const dialog = page.getByTestId('create-strategy-dialog');
  await dialog.getByTestId('create-strategy-kind').selectOption('trend-following');
  await dialog.getByTestId('create-strategy-symbol').fill('ES');
  await dialog.getByTestId('parameter-barMinutes').fill('1');
  await dialog.getByTestId('parameter-mode').selectOption('donchian');
  await dialog.getByTestId('parameter-channelLength').fill('2');
  await dialog.getByTestId('parameter-allowShort').uncheck();
  await keepScreenshot(page, 'strategy-create');
  await dialog.getByTestId('create-strategy-submit').click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId('strategies-view').getByTestId('strategy-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('strategy-status')).toHaveAttribute('data-status', 'stopped');
  const strategyId = (await row.getAttribute('data-key')) ?? '';
  const detail = page.getByTestId('strategy-detail');
  await expect(detail).toHaveAttribute('data-strategy', strategyId);
  await expect(detail.getByTestId('strategy-parameters').locator('[data-key="stopAtr"] .timing')).toHaveText('live');
  await expect(detail.getByTestId('strategy-parameters').locator('[data-key="barMinutes"] .timing')).toHaveText('on restart');

  await row.getByTestId('strategy-start').click();
  await expect(row.getByTestId('strategy-status')).toHaveAttribute('data-status', 'running');

  // Lift the market well above the last bars: the bar closes above the channel.
  await simControl(host, '/price', { symbol: 'ES', price: (await simPrice(host, esContract)) + 15 });
  await expect(row.getByTestId('strategy-position')).toContainText('Long 1 @', { timeout: 100_000 });
  await expect(row.getByTestId('strategy-working')).toHaveText('2');
  await expect(detail.getByTestId('strategy-order-row').filter({ hasText: '(bracket)' })).toHaveCount(2);
  await expect(detail.getByTestId('strategy-log-line').first()).toBeVisible();
  await expect(detail.getByTestId('strategy-log')).toContainText('long');
  await keepScreenshot(page, 'strategies-running');

  // The chart marks its bracket legs and its fill as the strategy's.
  await openScreen(page, 'trade');
  const canvas = page.getByTestId('chart-canvas').first();
  await expect
    .poll(
      async () =>
        (await drawnLines(canvas))
          .filter((line) => line.strategy === strategyId)
          .map((line) => line.kind)
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual(['stop-loss', 'take-profit']);
  await expect
    .poll(async () => JSON.parse((await canvas.getAttribute('data-fills')) ?? '[]') as { owner: string }[])
    .toContainEqual(expect.objectContaining({ owner: strategyId }));
  await page.getByTestId('tab-strategies').click();
  await expect(page.getByTestId('strategies-tab').getByTestId('strategy-row')).toHaveCount(1);
  await keepScreenshot(page, 'strategy-chart-marks');

  await page.getByTestId('strategies-tab').getByTestId('strategy-pause').click();
  await expect(page.getByTestId('strategies-tab').getByTestId('strategy-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('strategies-tab').getByTestId('strategy-status')).toHaveText('Paused by you');

  await openScreen(page, 'strategies');
  await row.getByTestId('strategy-flatten').click();
  await expect(row.getByTestId('strategy-status')).toHaveAttribute('data-status', 'stopped');
  await expect(row.getByTestId('strategy-position')).toHaveText('Flat', { timeout: 15_000 });
  await expect(row.getByTestId('strategy-working')).toHaveText('0');
  await expect(row.getByTestId('strategy-reason')).toContainText('flattened');
  await keepScreenshot(page, 'strategies-stopped');
  await openScreen(page, 'trade');
  await page.getByTestId('tab-positions').click();
  await expect(page.getByTestId('position-row')).toHaveCount(0);
});

test('an indicator menu draws moving averages, RSI in its own pane and smart-money zones from the core', async ({ page, host }) => {
  await openTerminal(page, host);
  const canvas = page.getByTestId('chart-canvas').first();

  await page.getByTestId('chart-indicators').first().click();
  for (const indicator of ['ema21', 'vwap', 'rsi', 'smc']) await page.getByTestId(`indicator-${indicator}`).check();
  await page.keyboard.press('Escape');

  await expect
    .poll(async () => (JSON.parse((await canvas.getAttribute('data-indicators')) ?? '[]') as { id: string }[]).map((item) => item.id), { timeout: 15_000 })
    .toEqual(['ema21', 'vwap', 'smc', 'rsi']);
  const drawn = JSON.parse((await canvas.getAttribute('data-indicators')) ?? '[]') as { id: string; points: number; markers: number; zones: number }[];
  expect(drawn.find((item) => item.id === 'ema21')?.points).toBeGreaterThan(100);
  expect(drawn.find((item) => item.id === 'smc')?.markers).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-indicators').first()).toHaveText('Indicators · 4');
  await keepScreenshot(page, 'chart-indicators');
});
