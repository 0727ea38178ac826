import { fail, ok } from '../../src-shared/result';
import type { HostHandlers } from '../core/terminal-service';

const credentialsHint = 'the headless host reads the credentials from PROJECTX_USERNAME and PROJECTX_API_KEY in its environment and never stores them';
const desktopHint = 'desktop settings exist only in the desktop app; the headless host is configured by its command-line flags';

/** The settings channels of the headless host: the credentials' status from the environment; nothing can be stored. */
export function headlessSettingsHandlers(environment: NodeJS.ProcessEnv = process.env): HostHandlers {
  const userName = environment.PROJECTX_USERNAME ?? '';
  const apiKey = environment.PROJECTX_API_KEY ?? '';
  return {
    'settings.credentials.get': () =>
      ok({
        stored: userName !== '' && apiKey !== '',
        userName: userName === '' ? null : userName,
        source: 'environment',
        secureStorageAvailable: false,
        restartNeeded: false,
      }),
    'settings.credentials.set': () => fail('not-connected', `cannot store credentials: ${credentialsHint}`),
    'settings.credentials.clear': () => fail('not-connected', `cannot clear credentials: ${credentialsHint}`),
    'settings.desktop.get': () => fail('not-connected', desktopHint),
    'settings.desktop.set': () => fail('not-connected', desktopHint),
  };
}
