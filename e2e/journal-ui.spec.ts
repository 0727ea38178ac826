import { expect } from '@playwright/test';
import { keepScreenshot, openScreen, openTerminal, test } from './terminal-ui';

test('a round trip from the ticket appears in the journal and the statistics with the equity curve', async ({ page, host }) => {
  await openTerminal(page, host);
  await page.getByTestId('ticket-buy').click();
  await expect(page.getByTestId('position-row')).toHaveCount(1);
  await page.getByTestId('ticket-flatten').click();
  await expect(page.getByTestId('position-row')).toHaveCount(0);

  await openScreen(page, 'analytics');
  await page.getByTestId('tab-journal').click();
  const trip = page.getByTestId('journal-table').getByTestId('round-trip-row');
  await expect(trip).toHaveCount(1);
  await expect(trip).toContainText('ESZ6');
  await expect(trip).toContainText('Long');
  await expect(trip).toContainText('Manual');
  await expect(trip.locator('td').nth(7)).toContainText(' t');
  await expect(trip.locator('td').nth(8)).toContainText('$');
  await keepScreenshot(page, 'journal');

  // A second trip made while the journal is open shows up without a reload (the fill event refreshes it).
  await openScreen(page, 'trade');
  await page.getByTestId('ticket-sell').click();
  await expect(page.getByTestId('position-row')).toHaveCount(1);
  await page.getByTestId('ticket-flatten').click();
  await expect(page.getByTestId('position-row')).toHaveCount(0);
  await openScreen(page, 'analytics');
  await expect(trip).toHaveCount(2);

  await page.getByTestId('tab-stats').click();
  const statistics = page.getByTestId('journal-statistics');
  await expect(statistics.getByTestId('stat-trades')).toContainText('2');
  await expect.poll(async () => Number(await page.getByTestId('journal-equity').getAttribute('data-points'))).toBeGreaterThan(0);
  await page.getByTestId('breakdown-byContract').click();
  await expect(page.getByTestId('breakdown-row')).toHaveCount(1);
  await expect(page.getByTestId('breakdown-row')).toContainText('2 (');
  await page.getByTestId('breakdown-byHour').click();
  await expect(page.getByTestId('breakdown-row').first()).toContainText(':00');
  await keepScreenshot(page, 'journal-stats');
});
