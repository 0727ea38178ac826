import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { composeTerminal, type BrokerConfig, type Terminal } from '../compose';
import { ipcEventChannel } from '../../src-shared/wire';
import { createFileLogger } from '../logging/create-logger';
import { registerContractIpc } from './contract-ipc';
import type { ElectronModule } from './electron-module';
import { createMainWindow } from './main-window';
import { denyPermissions, hardenWebContents, isTrustedSender } from './security';

/** Files the shell loads. */
export interface DesktopPaths {
  readonly preload: string;
  readonly rendererIndex: string;
}

/** What the shell connects to; the built-in simulator unless told otherwise. */
export interface DesktopOptions {
  readonly broker?: BrokerConfig;
}

/** The running desktop shell, for tests and for quitting. */
export interface DesktopShell {
  readonly terminal: Terminal;
  readonly window: BrowserWindow;
}

/**
 * The desktop composition root: one instance, a hardened window, the contract over IPC.
 * Resolves to undefined when another instance already runs (that one is focused instead).
 */
export async function startDesktop(electron: ElectronModule, paths: DesktopPaths, options: DesktopOptions = {}): Promise<DesktopShell | undefined> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  const appUrl = pathToFileURL(paths.rendererIndex).href;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));
  await app.whenReady();
  denyPermissions(electron);

  const dataDir = app.getPath('userData');
  const logger = createFileLogger(dataDir, 'app');
  // composeTerminal checks that every contract channel has a handler before any window opens.
  const terminal = await composeTerminal({ host: 'desktop', dataDir, logger, broker: options.broker ?? { kind: 'simulator' } });
  const window = createMainWindow(electron, paths);
  const webContentsId = window.webContents.id;
  registerContractIpc(electron.ipcMain, terminal.dispatcher, (event) => isTrustedSender(event, { webContentsId, appUrl }), logger);
  terminal.events.forward((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcEventChannel, channel, payload);
  });

  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void terminal.dispose().then(() => logger.close());
  });
  void terminal.start();
  logger.info({ dataDir }, 'desktop shell started');
  return { terminal, window };
}
