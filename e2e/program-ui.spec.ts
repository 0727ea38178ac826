import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { openTerminal, test } from './terminal-ui';

/** Where the screenshots of issue 15 are kept for review. */
const shotDir = '/tmp/shots15';

async function shot(page: Page, name: string, testId?: string): Promise<void> {
  mkdirSync(shotDir, { recursive: true });
  await (testId === undefined ? page : page.getByTestId(testId)).screenshot({ path: `${shotDir}/${name}.png` });
}

async function chooseAccount(page: Page, id: number): Promise<void> {
  await page.getByTestId('account-picker').selectOption(String(id));
  await expect(page.getByTestId('account-picker')).toHaveValue(String(id));
}

test('a 150K combine and a practice account show their own program and limits, with the SIM badge', async ({ page, host }) => {
  await openTerminal(page, host);
  await expect(page.getByTestId('sim-badge')).toBeVisible();

  await chooseAccount(page, 18_102);
  await expect(page.getByTestId('account-program')).toHaveText('Combine 150K');
  await expect(page.getByTestId('risk-program')).toHaveText('Combine 150K');
  await expect(page.getByTestId('distance-floor')).toContainText('$4,500.00 (floor $145,500.00)');
  await expect(page.getByTestId('distance-daily-loss')).toContainText('$3,000.00');
  await expect(page.getByTestId('distance-target')).toContainText('$9,000.00');
  await expect(page.getByTestId('account-floor')).toContainText('$4,5');
  await expect(page.getByTestId('program-rule').filter({ hasText: 'maximum position' })).toContainText('0 of 15');
  await expect(page.getByTestId('account-flat-in')).toBeVisible();
  await shot(page, 'account-bar-150k', 'account-bar');
  await shot(page, 'risk-panel-150k', 'risk-panel');

  await chooseAccount(page, 18_103);
  await expect(page.getByTestId('account-program')).toHaveText('Practice');
  await expect(page.getByTestId('program-rules-none')).toBeVisible();
  await expect(page.getByTestId('account-floor')).toContainText('—');
  await expect(page.getByTestId('distance-floor')).toHaveCount(0);
  await expect(page.getByTestId('distance-daily-loss')).toContainText('$3,000.00');
  await shot(page, 'account-bar-practice', 'account-bar');
  await shot(page, 'risk-panel-practice', 'risk-panel');

  // The trader overrides the program: an Express Funded 50K has the scaling plan's 2 lots.
  await chooseAccount(page, 18_101);
  await page.getByTestId('program-choice').selectOption('express:50K');
  await expect(page.getByTestId('account-program')).toHaveText('XFA 50K');
  await expect(page.getByTestId('program-rule').filter({ hasText: 'maximum position' })).toContainText('0 of 2');
  await expect(page.getByTestId('distance-scaling')).toContainText('3 lots after $1,500.00');
  await shot(page, 'risk-panel-xfa', 'risk-panel');
  await shot(page, 'window-xfa');
  await page.getByTestId('program-choice').selectOption('auto');
  await expect(page.getByTestId('account-program')).toHaveText('Combine 50K');
});

test.describe('on a Saturday', () => {
  test.use({ hostArgs: ['--clock', '2026-11-21T18:00:00Z'] });

  test('the connection badge and the ticket say the market is closed with the next open in CT, and Buy and Sell are disabled', async ({ page, host }) => {
    await page.goto(host.ready.url);
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('broker-state')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(page.getByTestId('market-state')).toHaveText('ES closed · opens Sun 17:00 CT');
    await expect(page.getByTestId('market-state')).toHaveAttribute('title', 'ES: Market closed (weekend) · opens Sun 2026-11-22 17:00 CT');
    await expect(page.getByTestId('ticket-market-closed')).toHaveText('Market closed (weekend) · opens Sun 2026-11-22 17:00 CT');
    await expect(page.getByTestId('ticket-buy')).toBeDisabled();
    await expect(page.getByTestId('ticket-sell')).toBeDisabled();
    await expect(page.getByTestId('ticket-disabled')).toContainText('Market closed (weekend)');
    await shot(page, 'saturday');
  });
});
