import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../core/contract-dispatcher';
import { silentLogger } from '../core/logger';
import { ConnectionMonitor } from '../core/connection-monitor';
import { TestClock } from '../core/clock';
import { EventHub } from '../core/event-hub';
import { createTerminalHandlers } from '../core/terminal-service';
import { headlessSettingsHandlers } from './headless-settings-handlers';

function dispatcherWith(environment: NodeJS.ProcessEnv, override: Record<string, unknown> = {}) {
  const clock = new TestClock(0);
  const info = { name: 'test', version: '0', host: 'headless' as const, pid: 1, startedAt: 0, dataDir: '/tmp' };
  const handlers = createTerminalHandlers({
    clock,
    info,
    connection: new ConnectionMonitor(clock, new EventHub()),
    trading: undefined,
    settings: { ...headlessSettingsHandlers(environment), ...override },
  });
  return createDispatcher(handlers, silentLogger);
}

describe('headless settings in the one handler map', () => {
  it('answers the credentials from the environment beside the core channels', async () => {
    const dispatcher = dispatcherWith({ PROJECTX_USERNAME: 'trader', PROJECTX_API_KEY: 'k' });

    await expect(dispatcher.dispatch('settings.credentials.get', {})).resolves.toEqual({
      ok: true,
      value: { stored: true, userName: 'trader', source: 'environment', secureStorageAvailable: false, restartNeeded: false },
    });
    await expect(dispatcher.dispatch('app.info', {})).resolves.toMatchObject({ ok: true, value: { host: 'headless' } });
  });

  it('validates requests and answers the headless limits with clear errors', async () => {
    const dispatcher = dispatcherWith({});

    await expect(dispatcher.dispatch('settings.credentials.set', { userName: 'u' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'apiKey' },
    });
    await expect(dispatcher.dispatch('settings.credentials.set', { userName: 'u', apiKey: 'k' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-connected', message: expect.stringContaining('PROJECTX_API_KEY') },
    });
    await expect(dispatcher.dispatch('settings.desktop.get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-connected', message: expect.stringContaining('desktop app') },
    });
  });

  it('turns a settings handler that throws into an internal error', async () => {
    const dispatcher = dispatcherWith(
      {},
      {
        'settings.desktop.get': () => {
          throw new Error('boom');
        },
      },
    );

    await expect(dispatcher.dispatch('settings.desktop.get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'settings.desktop.get failed: boom' },
    });
  });
});
