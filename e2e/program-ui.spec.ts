import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { Terminal } from './risk-kit';
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

  // The loss floor trails the best close by default; the trader may choose the intraday high instead.
  await expect(page.getByTestId('floor-mode')).toHaveValue('eod');
  const floorRule = page.getByTestId('program-rule').filter({ hasText: 'maximum loss limit' });
  await expect(floorRule).toContainText('trails the best close');
  await page.getByTestId('floor-mode').selectOption('intraday');
  await expect(page.getByTestId('floor-mode')).toHaveValue('intraday');
  await expect(floorRule).toContainText('trails the highest intraday equity');
  await expect(page.getByTestId('account-program')).toHaveText('Combine 50K');
  await page.getByTestId('floor-mode').selectOption('eod');
  await expect(floorRule).toContainText('trails the best close');
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

async function openRiskSettings(page: Page): Promise<void> {
  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-risk').click();
  await expect(page.getByTestId('risk-form')).toBeVisible();
}

test('a cap edited in the risk settings form changes what the gate allows; a refusal names the field in words; the lock-in asks first', async ({
  page,
  host,
}) => {
  await openTerminal(page, host);
  await page.getByTestId('ticket-size').fill('2');
  await page.getByTestId('ticket-bracket').selectOption('none');

  // Per-instrument caps are off on a fresh account: switch them on with ES capped at 1.
  await openRiskSettings(page);
  await page.getByTestId('risk-field-maxContractsPerInstrument.enabled').check();
  await page.getByTestId('risk-cap-new-symbol').fill('es');
  await page.getByTestId('risk-cap-new-value').fill('1');
  await page.getByTestId('risk-cap-add').click();
  await expect(page.getByTestId('risk-cap-ES-value')).toHaveValue('1');
  // A value the trader mistypes is named in their words, and nothing is sent.
  await page.getByTestId('risk-field-dailyRealizedLoss.limit').fill('0');
  await expect(page.getByTestId('risk-form-problems')).toHaveText('Limit must be at least $0.01.');
  await expect(page.getByTestId('risk-save')).toBeDisabled();
  await page.getByTestId('risk-field-dailyRealizedLoss.limit').fill('900');
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-settings-saved')).toHaveText('Saved.');
  await shot(page, 'risk-settings', 'settings-dialog');
  await page.getByTestId('modal-close').click();

  await page.getByTestId('ticket-buy').click();
  await expect(page.getByTestId('ticket-error')).toContainText('RULE-002 ES cap: this order would bring ES to 2');

  await openRiskSettings(page);
  await expect(page.getByTestId('risk-cap-ES-value')).toHaveValue('1');
  await page.getByTestId('risk-cap-ES-value').fill('2');
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-settings-saved')).toHaveText('Saved.');
  await page.getByTestId('modal-close').click();
  await page.getByTestId('ticket-buy').click();
  await expect(page.getByTestId('position-row')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByTestId('position-row').locator('td').nth(2)).toHaveText('2');

  // The lock-in says what it means before it is done; a preset is shown as applied only when it was.
  await openRiskSettings(page);
  await page.getByTestId('risk-lock-in').click();
  await expect(page.getByTestId('risk-lock-in-confirm')).toContainText('you can only make them stricter');
  await page.getByTestId('risk-lock-in-yes').click();
  await expect(page.getByTestId('risk-lock-in')).toContainText('Locked in until');
  await page.getByTestId('risk-preset-defaults').click();
  await expect(page.getByTestId('risk-settings-error')).toContainText('may only be made stricter');
  await expect(page.getByTestId('risk-settings-error')).not.toContainText('maxContractsPerInstrument');
  await expect(page.getByTestId('risk-preset-defaults')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('risk-preset-discipline').click();
  await expect(page.getByTestId('risk-preset-discipline')).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'risk-settings-locked', 'settings-dialog');
});

test('an order whose stop, if hit, would cross the loss floor is refused naming the floor', async ({ host }) => {
  const terminal = new Terminal(host.ready.dataDir);
  await terminal.waitActive();

  // 50K combine at $50,000: the floor is $48,000. A 200-tick ES stop risks $2,500.
  const refused = await terminal.run('buy', 'ES', '1', '--sl', '200');
  const fits = await terminal.run('buy', 'ES', '1', '--sl', '100');

  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(
    /^error risk-denied: RULE-014 max loss floor \$48,000\.00: if this order's stop \(200 ticks x 1, -\$2,500\.00\) is hit, equity \$[\d,.]+ falls to \$[\d,.]+, below the floor\n$/,
  );
  expect(fits.code).toBe(0);
});
