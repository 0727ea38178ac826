import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callChannels } from '../../src-shared/contract';
import { ipcEventChannel, ipcInvokeChannel } from '../../src-shared/wire';
import { chooseBroker, startDesktop, type DesktopOptions, type DesktopShell } from './desktop-main';
import { clickMenuItem, createFakeElectron, FakeBrowserWindow, FakeNotification, FakeTray, FakeWebContents, menuItem } from './testing/fake-electron';
import { trayMenuLabels } from './tray/tray-menu';

const paths = { preload: '/app/out/preload/index.cjs', rendererIndex: '/app/out/renderer/index.html', trayIcons: '/app/resources/tray' };
const appUrl = 'file:///app/out/renderer/index.html';
let shell: DesktopShell | undefined;

afterEach(async () => {
  await shell?.close();
  shell = undefined;
});

/** Starts the shell with the fake; fails the test when it does not start. */
async function started(fake: ReturnType<typeof createFakeElectron>, options: DesktopOptions): Promise<DesktopShell> {
  const running = await startDesktop(fake.electron, paths, options);
  if (running === undefined) throw new Error('the desktop shell did not start');
  shell = running;
  return running;
}

/** No broker, files in the fake's temporary folder. */
function offline(fake: ReturnType<typeof createFakeElectron>): DesktopOptions {
  return { broker: { kind: 'none' }, dataDir: fake.userData, platform: 'linux', autostartDirectory: `${fake.userData}/autostart` };
}

function invokeEvent(sender: { id: number }, url: string, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}

describe('desktop shell', () => {
  it('quits without opening a window when another instance holds the lock', async () => {
    const fake = createFakeElectron({ gotLock: false });

    const result = await startDesktop(fake.electron, paths, offline(fake));

    expect(result).toBeUndefined();
    expect(fake.recorded.quit).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('opens one window with context isolation, the sandbox on and Node off', async () => {
    const fake = createFakeElectron();

    shell = await startDesktop(fake.electron, paths, offline(fake));

    const [window] = FakeBrowserWindow.created;
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window?.options.webPreferences).toMatchObject({
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window?.loaded).toBe(paths.rendererIndex);
  });

  it('serves contract calls to its own window and refuses any other sender', async () => {
    const fake = createFakeElectron();
    shell = await startDesktop(fake.electron, paths, offline(fake));
    const handler = fake.handlers.get(ipcInvokeChannel);
    const window = FakeBrowserWindow.created[0];
    if (handler === undefined || window === undefined) throw new Error('no IPC handler or window');

    const trusted = await handler(invokeEvent(window.webContents, appUrl), 'app.info', {});
    const otherWindow = await handler(invokeEvent(new FakeWebContents(), appUrl), 'app.info', {});
    const foreignPage = await handler(invokeEvent(window.webContents, 'https://evil.example/'), 'app.info', {});
    const subFrame = await handler(invokeEvent(window.webContents, appUrl, {}), 'app.info', {});
    const unknownChannel = await handler(invokeEvent(window.webContents, appUrl), 'shell.open', {});

    expect(trusted).toMatchObject({ ok: true, value: { host: 'desktop' } });
    for (const refused of [otherWindow, foreignPage, subFrame]) expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(unknownChannel).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('forwards contract events to the window', async () => {
    const fake = createFakeElectron();
    shell = await startDesktop(fake.electron, paths, offline(fake));

    shell?.terminal.connection.update('connecting', 'halted', 'dialling');

    expect(FakeBrowserWindow.created[0]?.webContents.sent).toEqual([
      [ipcEventChannel, 'connection.changed', expect.objectContaining({ broker: 'connecting', reason: 'dialling' })],
    ]);
  });

  it('blocks navigation, new windows and webviews in every web contents', async () => {
    const fake = createFakeElectron();
    shell = await startDesktop(fake.electron, paths, offline(fake));
    const contents = new FakeWebContents();
    fake.appEvents.emit('web-contents-created', {}, contents);
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });

    contents.emit('will-navigate', event('navigate-away'), 'https://evil.example/');
    contents.emit('will-navigate', event('navigate-home'), appUrl);
    contents.emit('will-redirect', event('redirect'), 'https://evil.example/');
    contents.emit('will-attach-webview', event('webview'));
    const opened = contents.windowOpenHandler?.({ url: 'https://evil.example/' });

    expect(prevented).toEqual(['navigate-away', 'redirect', 'webview']);
    expect(opened).toEqual({ action: 'deny' });
  });

  it('denies page permission requests and focuses the window on a second launch', async () => {
    const fake = createFakeElectron();
    shell = await startDesktop(fake.electron, paths, offline(fake));
    const granted: boolean[] = [];

    fake.recorded.permissionHandler?.({}, 'media', (answer) => granted.push(answer));
    fake.appEvents.emit('second-instance');

    expect(granted).toEqual([false]);
    expect(FakeBrowserWindow.created[0]?.focused).toBe(1);
  });
});

/** Lets queued promise callbacks and short timers run. */
const settle = (milliseconds = 0) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('desktop shell around the core', () => {
  it('answers every contract channel, the desktop settings itself', async () => {
    const fake = createFakeElectron();
    const shell = await started(fake, offline(fake));

    for (const channel of callChannels) {
      const answer = await shell.dispatcher.dispatch(channel, {});
      if (!answer.ok) expect(answer.error.code, channel).not.toBe('unknown-channel');
    }
    await expect(shell.dispatcher.dispatch('settings.desktop.get', {})).resolves.toMatchObject({ ok: true, value: { localApi: { enabled: false } } });
    await expect(shell.dispatcher.dispatch('settings.credentials.get', {})).resolves.toMatchObject({
      ok: true,
      value: { stored: false, source: 'secure-storage' },
    });
  });

  it('keeps running in the tray when the window is closed', async () => {
    const fake = createFakeElectron();
    const shell = await started(fake, offline(fake));
    const window = FakeBrowserWindow.created[0];

    const prevented = window?.tryClose();
    window?.tryClose();

    expect(prevented).toBe(true);
    expect(window?.hidden).toBe(2);
    expect(FakeNotification.shown.map((notification) => notification.options.title)).toEqual(['Topstep Terminal is still running']);
    await expect(shell.dispatcher.dispatch('app.ping', {})).resolves.toMatchObject({ ok: true });
    expect(FakeTray.created[0]?.destroyed).toBe(false);
  });

  it('shows the risk state in the tray and runs its menu through the contract', async () => {
    const fake = createFakeElectron();
    await started(fake, offline(fake));
    const tray = FakeTray.created[0];
    if (tray === undefined) throw new Error('no tray');
    expect(tray.images).toEqual(['/app/resources/tray/tray-disconnected.png']);
    // Without a broker there is no risk manager to lock with: the item is disabled.
    expect(menuItem(tray.menu, trayMenuLabels.lockForDay)?.enabled).toBe(false);

    clickMenuItem(tray.menu, trayMenuLabels.flattenAll);
    clickMenuItem(tray.menu, trayMenuLabels.openLogsFolder);
    await settle();

    expect(FakeNotification.shown.map((notification) => `${notification.options.title}: ${notification.options.body ?? ''}`)).toEqual([
      'Flatten all failed: Flatten all: no broker is configured',
    ]);
    expect(fake.recorded.openedPaths).toEqual([join(fake.userData, 'logs')]);
    expect(menuItem(fake.recorded.applicationMenu, 'Open Logs Folder')).toBeDefined();
  });

  it('quits without asking when nothing is open, cleaning up first', async () => {
    const fake = createFakeElectron();
    await started(fake, offline(fake));

    fake.electron.app.quit();
    await settle(50);

    expect(fake.recorded.dialogs).toEqual([]);
    expect(fake.recorded.exit).toBe(1);
    expect(FakeTray.created[0]?.destroyed).toBe(true);
    expect(FakeBrowserWindow.created[0]?.tryClose()).toBe(false);
  });

  it('starts hidden in the tray at login, at the saved size', async () => {
    const fake = createFakeElectron();
    await started(fake, { ...offline(fake), hidden: true });
    const first = FakeBrowserWindow.created[0];
    first?.emit('ready-to-show');

    expect(first?.shown).toBe(0);
    expect(first?.options.width).toBe(1600);
  });

  it('connects with the stored credentials unless told otherwise', () => {
    const stored = { userName: 'trader', apiKey: 'k' };

    expect(chooseBroker(undefined, stored).broker).toEqual({ kind: 'projectx', userName: 'trader', apiKey: 'k' });
    expect(chooseBroker(undefined, undefined).broker).toEqual({ kind: 'simulator' });
    expect(chooseBroker({ kind: 'none' }, stored)).toEqual({ broker: { kind: 'none' }, fingerprint: 'none' });
  });

  it('shows the accounts in the tray, and halts, reconnects and reconciles when the computer wakes, then trades again', async () => {
    const fake = createFakeElectron();
    const shell = await started(fake, { ...offline(fake), broker: { kind: 'simulator', seed: 7 } });
    await shell.terminal.start();
    await shell.services.seedTray();
    expect(shell.terminal.connection.current).toMatchObject({ broker: 'live', trading: 'active' });
    // The tray knows the accounts and their day P&L, and shows ok while the link is live.
    expect(FakeTray.created[0]?.tooltip).toMatch(/^SIM · Topstep Terminal: OK\n.+: \$0\.00/);
    const states: string[] = [];
    shell.terminal.events.forward((channel, payload) => {
      if (channel === 'connection.changed') states.push(`${(payload as { broker: string }).broker}/${(payload as { trading: string }).trading}`);
    });

    fake.powerEvents.emit('suspend');
    fake.powerEvents.emit('resume');
    await expect.poll(() => shell.terminal.connection.current.trading, { timeout: 10_000 }).toBe('active');

    expect(states[0]).toBe('reconnecting/halted');
    expect(states.at(-1)).toBe('live/active');
  });
});

describe('desktop shell start-up failure', () => {
  it('says why the terminal could not start, then exits', async () => {
    const fake = createFakeElectron();
    // A data folder inside a file: neither the logs nor the store can open.
    const file = join(fake.userData, 'not-a-folder');
    writeFileSync(file, 'x');

    const result = await startDesktop(fake.electron, paths, { broker: { kind: 'simulator', seed: 1 }, dataDir: join(file, 'inside') });

    expect(result).toBeUndefined();
    expect(fake.recorded.dialogs).toEqual([expect.objectContaining({ type: 'error', message: 'Topstep Terminal could not start.' })]);
    expect(fake.recorded.exit).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('points to the logs when the core cannot start', async () => {
    const fake = createFakeElectron();
    // A folder where the database file should be: the store cannot open it.
    mkdirSync(join(fake.userData, 'terminal.db'));

    // A ProjectX broker connects only at start, so nothing is left running when the store fails.
    const broker = { kind: 'projectx' as const, userName: 'u', apiKey: 'k', restUrl: 'http://127.0.0.1:9' };
    const result = await startDesktop(fake.electron, paths, { broker, dataDir: fake.userData });

    expect(result).toBeUndefined();
    expect(fake.recorded.dialogs[0]?.detail).toContain(`The logs are in ${join(fake.userData, 'logs')}.`);
    expect(fake.recorded.exit).toBe(1);
  });
});
