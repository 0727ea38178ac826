import { expect, test } from '@playwright/test';
import type { HostProcess } from './headless-host';
import { collectProblems, drawnLines, keepScreenshot, openTerminal, pickBracket, startTradingHost } from './terminal-ui';

let host: HostProcess;

test.beforeEach(async () => {
  host = await startTradingHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('a market order from the ticket shows the position in the table and its line on the chart', async ({ page }) => {
  const problems = collectProblems(page);
  await openTerminal(page, host);
  // The ticket's one-off stop and target (8 and 16 ticks): a fresh terminal has no default template.
  await pickBracket(page, 'custom');
  const canvas = page.getByTestId('chart-canvas').first();

  await page.getByTestId('ticket-buy').click();

  const row = page.getByTestId('position-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('ESZ6');
  await expect(row).toContainText('Long');
  await expect(canvas).toHaveAttribute('data-position', /^LONG 1 @ \d+\.\d{2} {2}[+-]?\d/);
  await expect.poll(async () => (await drawnLines(canvas)).map((line) => line.kind).sort()).toEqual(['stop-loss', 'take-profit']);
  await expect(page.getByTestId('account-open')).not.toHaveText('—');
  await keepScreenshot(page, 'trading-position');
  expect(problems).toEqual([]);
});

test('a limit placed from the chart menu can be dragged to a new price and cancelled from its line', async ({ page }) => {
  const problems = collectProblems(page);
  await openTerminal(page, host);
  // The ticket's one-off stop and target (8 and 16 ticks): a fresh terminal has no default template.
  await pickBracket(page, 'custom');
  const canvas = page.getByTestId('chart-canvas').first();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart has no box');

  // Right-click well below the market: the menu offers a buy limit there.
  await canvas.click({ button: 'right', position: { x: box.width * 0.5, y: box.height * 0.8 } });
  await expect(page.getByTestId('chart-menu')).toBeVisible();
  await keepScreenshot(page, 'chart-menu');
  await page.getByTestId('menu-buy-limit').click();

  // The entry and its two bracket legs, which wait for the entry to fill.
  const orderRow = page.getByTestId('order-row').filter({ hasText: 'Buy' });
  await page.getByTestId('tab-orders').click();
  await expect(orderRow).toHaveCount(1);
  await expect(page.getByTestId('order-row')).toHaveCount(3);
  await expect.poll(async () => (await drawnLines(canvas)).filter((line) => line.kind === 'order')).toHaveLength(1);
  const [placed] = (await drawnLines(canvas)).filter((line) => line.kind === 'order');
  if (placed === undefined) throw new Error('no order line');
  const before = placed.price;

  // Drag the line's label up by 40 pixels: the order moves to a price on the tick grid.
  await page.mouse.move(box.x + 60, box.y + placed.y);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + placed.y - 20, { steps: 4 });
  await page.mouse.move(box.x + 60, box.y + placed.y - 40, { steps: 4 });
  await page.mouse.up();

  await expect.poll(async () => (await drawnLines(canvas)).find((line) => line.kind === 'order')?.price).toBeGreaterThan(before);
  // The line shows each tick of the drag until the broker answers: wait for the order's new limit, then for the line on it.
  await expect(orderRow.locator('td').nth(5)).not.toHaveText(before.toFixed(2));
  const limit = Number((await orderRow.locator('td').nth(5).innerText()).replace(/,/g, ''));
  await expect.poll(async () => (await drawnLines(canvas)).find((line) => line.kind === 'order')?.price).toBe(limit);
  const [moved] = (await drawnLines(canvas)).filter((line) => line.kind === 'order');
  if (moved === undefined) throw new Error('the order line is gone');
  expect(Number.isInteger(Math.round(moved.price * 4 * 1e6) / 1e6)).toBe(true);
  expect(moved.price).toBeGreaterThan(before);
  await expect(orderRow).toContainText(moved.price.toFixed(2));
  await keepScreenshot(page, 'chart-order-dragged');

  // The × at the left of the line's label cancels it.
  await page.mouse.click(box.x + 8 + 9, box.y + moved.y);

  await expect(page.getByTestId('order-row')).toHaveCount(0);
  await expect.poll(async () => drawnLines(canvas)).toEqual([]);
  expect(problems).toEqual([]);
});

test('flatten closes the position and cancels its bracket', async ({ page }) => {
  const problems = collectProblems(page);
  await openTerminal(page, host);
  // The ticket's one-off stop and target (8 and 16 ticks): a fresh terminal has no default template.
  await pickBracket(page, 'custom');
  const canvas = page.getByTestId('chart-canvas').first();
  await page.getByTestId('ticket-buy').click();
  await expect(page.getByTestId('position-row')).toHaveCount(1);
  await expect.poll(async () => (await drawnLines(canvas)).length).toBe(2);

  await page.getByTestId('ticket-flatten').click();

  await expect(page.getByTestId('position-row')).toHaveCount(0);
  await expect(canvas).toHaveAttribute('data-position', '');
  await expect.poll(async () => (await drawnLines(canvas)).length).toBe(0);
  await page.getByTestId('tab-fills').click();
  await expect(page.getByTestId('fill-row')).toHaveCount(2);
  await keepScreenshot(page, 'trading-flattened');
  expect(problems).toEqual([]);
});
