import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger';
import { EventHub } from '../../core/event-hub';
import type { Dispatcher } from '../../core/contract-dispatcher';
import { apiFilePath, readApiFile } from '../../host/api-file';
import { createDispatcher } from '../../core/contract-dispatcher';
import { createTerminalHandlers } from '../../core/terminal-service';
import { ConnectionMonitor } from '../../core/connection-monitor';
import { TestClock } from '../../core/clock';
import { credentialsFingerprint, CredentialVault } from '../credentials/credential-vault';
import { LocalApi } from '../local-api';
import { createLoginItem } from '../login-item';
import { createFakeElectron } from '../testing/fake-electron';
import { desktopSettingsKey, DesktopSettingsStore, memorySettings } from './desktop-settings';
import { createDesktopSettingsHandlers } from './desktop-settings-handlers';

const core: Dispatcher = { dispatch: () => Promise.resolve({ ok: true, value: 'core' }) };
let localApi: LocalApi | undefined;

afterEach(async () => {
  await localApi?.setEnabled(false);
  localApi = undefined;
});

function desktop(options: { encryptionAvailable?: boolean; storageBackend?: 'basic_text' | 'gnome_libsecret' } = {}) {
  const fake = createFakeElectron(options);
  const dataDir = mkdtempSync(join(tmpdir(), 'desktop-settings-'));
  const store = memorySettings();
  const settings = new DesktopSettingsStore(store, silentLogger);
  const vault = new CredentialVault(fake.electron.safeStorage, dataDir, silentLogger, 'linux');
  const loginItem = createLoginItem({
    app: fake.electron.app,
    platform: 'linux',
    command: ['/opt/Topstep Terminal/topstep-terminal'],
    autostartDirectory: join(dataDir, 'autostart'),
  });
  let changed = 0;
  let dispatcher: Dispatcher = core;
  const api = new LocalApi({
    dataDir,
    dispatcher: { dispatch: (channel, request) => dispatcher.dispatch(channel, request) },
    events: new EventHub(),
    logger: silentLogger,
  });
  localApi = api;
  const clock = new TestClock(0);
  const info = { name: 'test', version: '0', host: 'desktop' as const, pid: 1, startedAt: 0, dataDir };
  const settingsHandlers = createDesktopSettingsHandlers({
    vault,
    settings,
    loginItem,
    localApiUrl: () => api.url(),
    setLocalApi: (enabled) => api.setEnabled(enabled),
    activeCredentials: credentialsFingerprint(undefined),
    changed: () => changed++,
  });
  dispatcher = createDispatcher(
    createTerminalHandlers({ clock, info, connection: new ConnectionMonitor(clock, new EventHub()), trading: undefined, settings: settingsHandlers }),
    silentLogger,
  );
  return { dispatcher, store, settings, dataDir, changed: () => changed };
}

describe('desktop settings', () => {
  it('start with every notification on and the local API off', () => {
    const settings = new DesktopSettingsStore(memorySettings(), silentLogger);

    expect(settings.get()).toEqual({
      notifications: { fills: true, rejections: true, risk: true, enforcement: true, connection: true, other: true },
      localApi: { enabled: false },
    });
  });

  it('keep the valid fields of a damaged stored value and default the rest', () => {
    const store = memorySettings();
    store.saveSetting(desktopSettingsKey, { notifications: { fills: false, risk: 'yes' }, localApi: 3 });

    const settings = new DesktopSettingsStore(store, silentLogger);

    expect(settings.get().notifications).toMatchObject({ fills: false, risk: true, connection: true });
    expect(settings.get().localApi).toEqual({ enabled: false });
    expect(new DesktopSettingsStore({ setting: () => 'garbage', saveSetting: () => undefined }, silentLogger).get().localApi.enabled).toBe(false);
  });

  it('are changed field by field through the contract, saved and announced', async () => {
    const { dispatcher, store, settings } = desktop();
    const heard: boolean[] = [];
    settings.onChange((current) => heard.push(current.notifications.fills));

    const answer = await dispatcher.dispatch('settings.desktop.set', { notifications: { fills: false } });

    expect(answer).toMatchObject({
      ok: true,
      value: { notifications: { fills: false, rejections: true }, localApi: { enabled: false, url: null }, startAtLogin: false },
    });
    expect(store.setting(desktopSettingsKey)).toMatchObject({ notifications: { fills: false } });
    expect(heard).toEqual([false]);
    await expect(dispatcher.dispatch('settings.desktop.set', { notifications: { sounds: true } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('turn the local API on with the same api.json as the headless host, and off again', async () => {
    const { dispatcher, dataDir } = desktop();

    const on = await dispatcher.dispatch('settings.desktop.set', { localApi: { enabled: true } });
    const file = readApiFile(dataDir);
    const off = await dispatcher.dispatch('settings.desktop.set', { localApi: { enabled: false } });

    expect(on).toMatchObject({ ok: true, value: { localApi: { enabled: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/api$/) } } });
    expect(file).toMatchObject({ pid: process.pid, api: expect.stringMatching(/^ws:\/\/127\.0\.0\.1/) });
    expect(file?.token.length).toBeGreaterThanOrEqual(43);
    expect(off).toMatchObject({ ok: true, value: { localApi: { enabled: false, url: null } } });
    expect(existsSync(apiFilePath(dataDir))).toBe(false);
  });

  it('turn start at login on and off (an XDG autostart entry on Linux)', async () => {
    const { dispatcher, dataDir, changed } = desktop();
    const entry = join(dataDir, 'autostart', 'topstep-terminal.desktop');

    await expect(dispatcher.dispatch('settings.desktop.set', { startAtLogin: true })).resolves.toMatchObject({ ok: true, value: { startAtLogin: true } });
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/Topstep Terminal/topstep-terminal" --hidden\n');
    await expect(dispatcher.dispatch('settings.desktop.set', { startAtLogin: false })).resolves.toMatchObject({ ok: true, value: { startAtLogin: false } });
    expect(existsSync(entry)).toBe(false);
    expect(changed()).toBe(2);
  });
});

describe('credentials through the contract', () => {
  it('are stored encrypted, reported without the key, and cleared', async () => {
    const { dispatcher, dataDir } = desktop();

    const before = await dispatcher.dispatch('settings.credentials.get', {});
    const stored = await dispatcher.dispatch('settings.credentials.set', { userName: 'trader', apiKey: 'k-very-secret' });
    const onDisk = readFileSync(join(dataDir, 'credentials.bin'), 'utf8');
    const cleared = await dispatcher.dispatch('settings.credentials.clear', {});

    expect(before).toEqual({
      ok: true,
      value: { stored: false, userName: null, source: 'secure-storage', secureStorageAvailable: true, restartNeeded: false },
    });
    expect(stored).toEqual({
      ok: true,
      value: { stored: true, userName: 'trader', source: 'secure-storage', secureStorageAvailable: true, restartNeeded: true },
    });
    expect(JSON.stringify(stored)).not.toContain('k-very-secret');
    expect(onDisk).not.toContain('k-very-secret');
    expect(cleared).toMatchObject({ ok: true, value: { stored: false, restartNeeded: false } });
  });

  it('are refused when the OS has no real encryption (Linux without a keyring)', async () => {
    for (const options of [{ storageBackend: 'basic_text' as const }, { encryptionAvailable: false }]) {
      const { dispatcher } = desktop(options);

      await expect(dispatcher.dispatch('settings.credentials.set', { userName: 'trader', apiKey: 'k' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'not-connected', message: expect.stringContaining('no secure storage') },
      });
      await expect(dispatcher.dispatch('settings.credentials.get', {})).resolves.toMatchObject({ ok: true, value: { secureStorageAvailable: false } });
    }
  });
});
