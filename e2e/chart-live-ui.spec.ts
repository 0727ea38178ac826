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
