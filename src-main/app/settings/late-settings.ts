import { fail } from '../../../src-shared/result';
import type { HostHandlers } from '../../core/terminal-service';

/**
 * The desktop's settings handlers go into the terminal's one handler map when it is built, but
 * they need the tray, the local API and the login item, which are built after it. This holder is
 * what the map gets: each channel calls the handlers bound once the desktop services exist (and
 * answers `not-connected` in the moment before).
 */
export function createLateSettings(): { readonly handlers: HostHandlers; bind(handlers: HostHandlers): void } {
  let bound: HostHandlers | undefined;
  const starting = () => fail('not-connected', 'the desktop is still starting');
  return {
    bind: (handlers) => {
      bound = handlers;
    },
    handlers: {
      'settings.credentials.get': (request) => bound?.['settings.credentials.get'](request) ?? starting(),
      'settings.credentials.set': (request) => bound?.['settings.credentials.set'](request) ?? starting(),
      'settings.credentials.clear': (request) => bound?.['settings.credentials.clear'](request) ?? starting(),
      'settings.desktop.get': (request) => bound?.['settings.desktop.get'](request) ?? starting(),
      'settings.desktop.set': (request) => bound?.['settings.desktop.set'](request) ?? starting(),
    },
  };
}
