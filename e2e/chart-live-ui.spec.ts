import { expect } from '@playwright/test';
import { openTerminal, simControl, simPrice, test } from './terminal-ui';

/** The chart's newest bar as it publishes it: time, open, high, low, close in ticks. */
async function lastBar(canvas: import('@playwright/test').Locator): Promise<{ time: number; high: number; low: number; close: number }> {
  const [time = 0, , high = 0, low = 0, close = 0] = ((await canvas.getAttribute('data-last-bar')) ?? '').split(':').map(Number);
  return { time, high, low, close };
}

test('the chart forming bar follows the live bars of the core, keeping the high of a spike between quotes', async ({ page, host }) => {
  await openTerminal(page, host);
  const canvas = page.getByTestId('chart-canvas').first();
  // The chart opens on one-minute bars.
  await expect(canvas).toHaveAttribute('data-state', 'ready');
  const price = await simPrice(host, 'CON.F.US.EP.Z26');

  // A 6-point spike and straight back: the bar's high keeps the top even after the price returned.
  await simControl(host, '/price', { symbol: 'ES', price: price + 6 });
  await simControl(host, '/price', { symbol: 'ES', price });

  await expect.poll(async () => (await lastBar(canvas)).high, { timeout: 10_000 }).toBeGreaterThanOrEqual((price + 6) / 0.25);
  await expect.poll(async () => (await lastBar(canvas)).close, { timeout: 10_000 }).toBeLessThan((price + 6) / 0.25);
});

test('scrolling back to the oldest bar loads older history behind it, keeping the live bar last', async ({ page, host }) => {
  await openTerminal(page, host);
  const canvas = page.getByTestId('chart-canvas').first();
  await expect(canvas).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('chart-depth').first().selectOption('2000');
  await expect(canvas).toHaveAttribute('data-bars', /^20\d\d$/);
  const newestBefore = (await lastBar(canvas)).time;
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart has no box');

  // A sideways wheel scrolls back in time until the oldest bars come into view, which asks for the page before them.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(-3000, 0);
        return Number(await canvas.getAttribute('data-bars'));
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBeGreaterThan(3000);
  // Older pages go in front: the newest bar is still the live one (bars out of order would also
  // throw in the chart library, and the fixture fails on any console error).
  expect((await lastBar(canvas)).time).toBeGreaterThanOrEqual(newestBefore);
});
