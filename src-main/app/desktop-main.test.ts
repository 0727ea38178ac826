import { afterEach, describe, expect, it } from 'vitest';
import { ipcEventChannel, ipcInvokeChannel } from '../../src-shared/wire';
import { startDesktop, type DesktopShell } from './desktop-main';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents } from './testing/fake-electron';

const paths = { preload: '/app/out/preload/index.cjs', rendererIndex: '/app/out/renderer/index.html' };
const appUrl = 'file:///app/out/renderer/index.html';
let shell: DesktopShell | undefined;

afterEach(async () => {
  await shell?.terminal.dispose();
  shell = undefined;
});

function invokeEvent(sender: { id: number }, url: string, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}

describe('desktop shell', () => {
  it('quits without opening a window when another instance holds the lock', async () => {
    const fake = createFakeElectron({ gotLock: false });

    const result = await startDesktop(fake.electron, paths, { broker: { kind: 'none' } });

    expect(result).toBeUndefined();
    expect(fake.recorded.quit).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('opens one window with context isolation, the sandbox on and Node off', async () => {
    const fake = createFakeElectron();

    shell = await startDesktop(fake.electron, paths, { broker: { kind: 'none' } });

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
    shell = await startDesktop(fake.electron, paths, { broker: { kind: 'none' } });
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
    shell = await startDesktop(fake.electron, paths, { broker: { kind: 'none' } });

    shell?.terminal.connection.update('connecting', 'halted', 'dialling');

    expect(FakeBrowserWindow.created[0]?.webContents.sent).toEqual([
      [ipcEventChannel, 'connection.changed', expect.objectContaining({ broker: 'connecting', reason: 'dialling' })],
    ]);
  });

  it('blocks navigation, new windows and webviews in every web contents', async () => {
    const fake = createFakeElectron();
    shell = await startDesktop(fake.electron, paths, { broker: { kind: 'none' } });
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
    shell = await startDesktop(fake.electron, paths, { broker: { kind: 'none' } });
    const granted: boolean[] = [];

    fake.recorded.permissionHandler?.({}, 'media', (answer) => granted.push(answer));
    fake.appEvents.emit('second-instance');

    expect(granted).toEqual([false]);
    expect(FakeBrowserWindow.created[0]?.focused).toBe(1);
  });
});
