import { expect } from '@playwright/test';
import { keepScreenshot, openTerminal, test } from './terminal-ui';

test('the broker connection page shows the credentials status and the headless host answers about storing them and the desktop settings', async ({
  page,
  host,
}) => {
  await openTerminal(page, host);
  await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-connection').click();
  const credentials = page.getByTestId('credentials-settings');

  await expect(credentials.getByTestId('credentials-status')).toHaveText('Not set in the environment');
  await credentials.getByTestId('credentials-user').fill('trader@example.com');
  await credentials.getByTestId('credentials-key').fill('not-a-real-key');
  await credentials.getByTestId('credentials-save').click();

  await expect(credentials.getByTestId('credentials-error')).toContainText('PROJECTX_USERNAME');
  await expect(credentials.getByTestId('credentials-error')).toContainText('PROJECTX_API_KEY');
  await expect(page.getByTestId('desktop-settings-unavailable')).toContainText('desktop settings exist only in the desktop app');
  await keepScreenshot(page, 'settings-connection');
});
