import { createLateSettings } from './settings/late-settings';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { composeTerminal, type BrokerConfig, type Terminal } from '../compose';
import type { Dispatcher } from '../core/contract-dispatcher';
import { resolveDataDir } from '../host/data-dir';
import { openLogSet, type LogSet } from '../logging/log-set';
import { ipcEventChannel } from '../../src-shared/wire';
import { appId, productName } from './app-identity';
import { registerContractIpc } from './contract-ipc';
import { credentialsFingerprint, CredentialVault, type StoredCredentials } from './credentials/credential-vault';
import { startDesktopServices, type DesktopServices } from './desktop-services';
import type { ElectronModule } from './electron-module';
import { hiddenArgument } from './login-item';
import { createMainWindow } from './main-window';
import { denyPermissions, hardenWebContents, isTrustedSender } from './security';
import { DesktopSettingsStore, memorySettings, type SettingsPort } from './settings/desktop-settings';
import { restoredWindowState } from './window-bounds';

/** Files the shell loads. */
export interface DesktopPaths {
  readonly preload: string;
  readonly rendererIndex: string;
  /** The folder of the tray icons (`tray-<state>.png`). */
  readonly trayIcons: string;
}

/** What the shell connects to and where it keeps its files. */
export interface DesktopOptions {
  /** Default: the ProjectX account of the stored credentials, else the built-in simulator. */
  readonly broker?: BrokerConfig;
  /** Default: TERMINAL_DATA_DIR, else the per-user data folder (the same as the headless host and the CLI). */
  readonly dataDir?: string;
  /** Start in the tray without showing the window (start at login); default: `--hidden` on the command line. */
  readonly hidden?: boolean;
  readonly platform?: NodeJS.Platform;
  /** The program and arguments that start the app, for start at login. */
  readonly launchCommand?: readonly string[];
  /** Linux: where the start-at-login entry goes (tests). */
  readonly autostartDirectory?: string;
}

/** The running desktop shell, for tests and for quitting. */
export interface DesktopShell {
  readonly terminal: Terminal;
  readonly window: BrowserWindow;
  /** The contract as the window and the local API see it: the core's plus the desktop settings. */
  readonly dispatcher: Dispatcher;
  readonly services: DesktopServices;
  readonly logs: LogSet;
  /** Releases everything (the quit path runs the same). */
  close(): Promise<void>;
}

/** The broker the desktop starts with (explicit, else the stored credentials, else the simulator), and the fingerprint of the credentials it uses. */
export function chooseBroker(explicit: BrokerConfig | undefined, stored: StoredCredentials | undefined): { broker: BrokerConfig; fingerprint: string } {
  if (explicit !== undefined) {
    return {
      broker: explicit,
      fingerprint: credentialsFingerprint(explicit.kind === 'projectx' ? { userName: explicit.userName, apiKey: explicit.apiKey } : undefined),
    };
  }
  if (stored === undefined) return { broker: { kind: 'simulator' }, fingerprint: credentialsFingerprint(undefined) };
  return { broker: { kind: 'projectx', userName: stored.userName, apiKey: stored.apiKey }, fingerprint: credentialsFingerprint(stored) };
}

/** The command that starts this app again: the AppImage file (not its temporary mount), the binary, or Electron with the entry in development. */
function launchCommand(packaged: boolean): string[] {
  if (packaged) return [process.env.APPIMAGE ?? process.execPath];
  return [process.execPath, process.argv[1] ?? ''].filter((part) => part !== '');
}

/**
 * The desktop composition root: one instance, a hardened window, the contract over IPC, and the
 * tray, notifications, power and network watch, menus and local API around it.
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
  app.setAppUserModelId(appId);

  const platform = options.platform ?? process.platform;
  const dataDir = options.dataDir ?? resolveDataDir(undefined);
  // Without a window nothing would tell the trader why the terminal did not appear.
  const failStart = async (error: unknown, logs?: LogSet): Promise<undefined> => {
    const message = error instanceof Error ? error.message : String(error);
    logs?.app.error({ error: message }, 'the terminal could not start');
    const where = logs === undefined ? '' : `\n\nThe logs are in ${logs.directory}.`;
    await electron.dialog.showMessageBox({ type: 'error', title: productName, message: `${productName} could not start.`, detail: `${message}${where}` });
    await logs?.close();
    app.exit(1);
    return undefined;
  };
  let logs: LogSet;
  try {
    logs = openLogSet(dataDir);
  } catch (error) {
    return failStart(error);
  }
  const logger = logs.app;
  const vault = new CredentialVault(electron.safeStorage, dataDir, logger, platform);
  const { broker, fingerprint } = chooseBroker(options.broker, vault.read());
  let terminal: Terminal;
  // The desktop settings handlers need the services built after the terminal: bound below.
  const lateSettings = createLateSettings();
  try {
    // composeTerminal checks that every contract channel has a handler before any window opens.
    terminal = await composeTerminal({
      host: 'desktop',
      dataDir,
      logger,
      broker,
      loggers: { broker: logs.broker, enforcement: logs.enforcement },
      settings: () => lateSettings.handlers,
    });
  } catch (error) {
    return failStart(error, logs);
  }
  // Without a broker there is no store, and desktop settings live in memory.
  const settingsPort: SettingsPort = terminal.store ?? memorySettings();
  const settings = new DesktopSettingsStore(settingsPort, logger);

  const saved = restoredWindowState(
    settingsPort,
    electron.screen.getAllDisplays().map((display) => display.workArea),
    logger,
  );
  const hidden = options.hidden ?? process.argv.includes(hiddenArgument);
  const window = createMainWindow(electron, paths, { ...(saved === undefined ? {} : { bounds: saved, maximized: saved.maximized }), show: !hidden });

  let closing: Promise<void> | undefined;
  let stopIpc = (): void => undefined;
  let stopForwarding = (): void => undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopForwarding();
      stopIpc();
      await services.dispose();
      await terminal.dispose();
      logger.info({}, 'desktop shell stopped');
      await logs.close();
    })();
    return closing;
  };
  const services = startDesktopServices(
    {
      electron,
      terminal,
      window,
      settings,
      settingsPort,
      vault,
      activeCredentials: fingerprint,
      bindSettings: (handlers) => lateSettings.bind(handlers),
      logs,
      dataDir,
      trayIcons: paths.trayIcons,
      platform,
      launchCommand: options.launchCommand ?? launchCommand(app.isPackaged),
      ...(options.autostartDirectory === undefined ? {} : { autostartDirectory: options.autostartDirectory }),
    },
    close,
  );
  const { dispatcher } = services;
  const webContentsId = window.webContents.id;
  stopIpc = registerContractIpc(electron.ipcMain, dispatcher, (event) => isTrustedSender(event, { webContentsId, appUrl }), logger);
  stopForwarding = terminal.events.forward((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcEventChannel, channel, payload);
  });
  void terminal.start().then(() => services.seedTray());
  logger.info({ dataDir, broker: broker.kind, hidden }, 'desktop shell started');
  return { terminal, window, dispatcher, services, logs, close };
}
