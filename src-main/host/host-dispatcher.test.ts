import { describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/result';
import type { Dispatcher } from '../core/contract-dispatcher';
import { silentLogger } from '../core/logger';
import { headlessSettingsHandlers } from './headless-settings-handlers';
import { withHostHandlers } from './host-dispatcher';

const core: Dispatcher = { dispatch: (channel) => Promise.resolve(ok({ from: 'core', channel })) };

describe('host dispatcher', () => {
  it('answers the settings channels itself and passes every other call to the core', async () => {
    const dispatcher = withHostHandlers(core, headlessSettingsHandlers({ PROJECTX_USERNAME: 'trader', PROJECTX_API_KEY: 'k' }), silentLogger);

    await expect(dispatcher.dispatch('app.info', {})).resolves.toEqual({ ok: true, value: { from: 'core', channel: 'app.info' } });
    await expect(dispatcher.dispatch('nope', {})).resolves.toMatchObject({ ok: true, value: { from: 'core' } });
    await expect(dispatcher.dispatch('settings.credentials.get', {})).resolves.toEqual({
      ok: true,
      value: { stored: true, userName: 'trader', source: 'environment', secureStorageAvailable: false, restartNeeded: false },
    });
  });

  it('validates requests and answers the headless limits with clear errors', async () => {
    const dispatcher = withHostHandlers(core, headlessSettingsHandlers({}), silentLogger);

    await expect(dispatcher.dispatch('settings.credentials.set', { userName: 'u' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'apiKey' } });
    await expect(dispatcher.dispatch('settings.credentials.set', { userName: 'u', apiKey: 'k' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-connected', message: expect.stringContaining('PROJECTX_API_KEY') },
    });
    await expect(dispatcher.dispatch('settings.desktop.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'not-connected', message: expect.stringContaining('desktop app') } });
    await expect(dispatcher.dispatch('settings.credentials.get', {})).resolves.toMatchObject({ ok: true, value: { stored: false, userName: null } });
  });

  it('turns a handler that throws into an internal error', async () => {
    const throwing = { ...headlessSettingsHandlers({}), 'settings.desktop.get': () => { throw new Error('boom'); } };
    const dispatcher = withHostHandlers(core, throwing, silentLogger);

    await expect(dispatcher.dispatch('settings.desktop.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: 'settings.desktop.get failed: boom' } });
  });
});
