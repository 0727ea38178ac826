import type { BrowserWindow } from 'electron';
import type { Terminal } from '../compose';
import type { Dispatcher } from '../core/contract-dispatcher';
import type { HostHandlers } from '../core/terminal-service';
import { inProcessClient } from '../core/in-process-client';
import type { LogSet } from '../logging/log-set';
import { applicationMenuTemplate } from './app-menu';
import type { CredentialVault } from './credentials/credential-vault';
import type { ElectronModule } from './electron-module';
import { LocalApi } from './local-api';
import { createLoginItem, type LoginItem } from './login-item';
import { DesktopNotifier } from './notifications/desktop-notifier';
import { NoticeRules } from './notifications/notice-rules';
import { watchPowerAndNetwork } from './power/power-watch';
import { createResync, type Resync } from './power/resync';
import { installQuitGuard, type QuitGuard } from './quit-guard';
import type { DesktopSettingsStore, SettingsPort } from './settings/desktop-settings';
import { createDesktopSettingsHandlers } from './settings/desktop-settings-handlers';
import { createShellActions, type ShellActions } from './shell-actions';
import { createTraderActions, type TraderActions } from './trader-actions';
import { DesktopTray } from './tray/desktop-tray';
import { TrayStatusTracker } from './tray/tray-status';
import { keepWindowBounds } from './window-bounds';

/** What the desktop services are built from. */
export interface DesktopServicesOptions {
  readonly electron: ElectronModule;
  readonly terminal: Terminal;
  readonly window: BrowserWindow;
  readonly settings: DesktopSettingsStore;
  readonly settingsPort: SettingsPort;
  readonly vault: CredentialVault;
  /** Fingerprint of the credentials the terminal runs with. */
  readonly activeCredentials: string;
  readonly logs: LogSet;
  readonly dataDir: string;
  readonly trayIcons: string;
  readonly platform: NodeJS.Platform;
  readonly launchCommand: readonly string[];
  readonly autostartDirectory?: string;
  /** Puts the desktop settings handlers into the terminal's handler map (built before these services). */
  readonly bindSettings: (handlers: HostHandlers) => void;
}

/** Everything the desktop runs around the core. */
export interface DesktopServices {
  /** The contract as the window and the local API serve it: the core's plus the desktop settings. */
  readonly dispatcher: Dispatcher;
  readonly tray: DesktopTray;
  readonly notifier: DesktopNotifier;
  readonly trader: TraderActions;
  readonly actions: ShellActions;
  readonly resync: Resync;
  readonly quitGuard: QuitGuard;
  readonly loginItem: LoginItem;
  readonly localApi: LocalApi;
  /** Reads every account's figures and risk state once (after the terminal started) so the tray is right before the next change. */
  seedTray(): Promise<void>;
  /** Releases every listener, timer, the tray and the local API. */
  dispose(): Promise<void>;
}

/**
 * Builds the tray, notifications, menus, power and network watch, the quit guard and the local
 * API, and keeps the terminal running when the window closes. `cleanup` runs once quitting is confirmed.
 */
export function startDesktopServices(options: DesktopServicesOptions, cleanup: () => Promise<void>): DesktopServices {
  const { electron, terminal, window, settings, logs } = options;
  const { app } = electron;
  const logger = logs.app;
  const disposers: (() => void | Promise<void>)[] = [];

  const loginItem = createLoginItem({
    app,
    platform: options.platform,
    command: options.launchCommand,
    ...(options.autostartDirectory === undefined ? {} : { autostartDirectory: options.autostartDirectory }),
  });
  let localApi: LocalApi | undefined;
  let tray: DesktopTray | undefined;
  const settingsHandlers = createDesktopSettingsHandlers({
    vault: options.vault,
    settings,
    loginItem,
    localApiUrl: () => localApi?.url() ?? null,
    setLocalApi: (enabled) => localApi?.setEnabled(enabled) ?? Promise.resolve(),
    activeCredentials: options.activeCredentials,
    changed: () => tray?.refresh(),
  });
  options.bindSettings(settingsHandlers);
  const dispatcher = terminal.dispatcher;
  localApi = new LocalApi({ dataDir: options.dataDir, dispatcher, events: terminal.events, logger });
  if (settings.get().localApi.enabled) void localApi.setEnabled(true);

  const client = inProcessClient(terminal.dispatcher);
  const trader = createTraderActions(client);
  let notifier: DesktopNotifier | undefined;
  const actions = createShellActions({
    electron,
    window,
    trader,
    logsDirectory: logs.directory,
    dataDir: options.dataDir,
    report: (title, outcome) =>
      notifier?.show({ title: outcome.ok ? title : `${title} failed`, body: outcome.message, urgency: outcome.ok ? 'normal' : 'critical' }),
    logger,
  });
  const contractOf = (contractId: string) => terminal.trading?.core.contracts.known(contractId);
  notifier = new DesktopNotifier({
    electron,
    events: terminal.events,
    rules: new NoticeRules(terminal.connection.current, contractOf),
    enabled: (kind) => settings.notifies(kind),
    showWindow: () => actions.showWindow(),
    logger,
  });
  const tracker = new TrayStatusTracker(terminal.connection.current);
  tray = new DesktopTray({
    electron,
    iconsDirectory: options.trayIcons,
    events: terminal.events,
    tracker,
    actions: {
      showWindow: () => actions.showWindow(),
      flattenAll: () => void actions.flattenAll(),
      cancelAll: () => void actions.cancelAll(),
      lockForDay: () => void actions.lockForDay(),
      pauseStrategies: () => void actions.pauseStrategies(),
      setStartAtLogin: (enabled) => {
        loginItem.setEnabled(enabled);
        tray?.refresh();
      },
      openLogsFolder: () => actions.openLogsFolder(),
      quit: () => actions.quit(),
    },
    menuFacts: () => ({
      lockForDayAvailable: terminal.trading?.risk !== undefined,
      pauseStrategiesAvailable: terminal.trading?.strategies !== undefined,
      startAtLogin: loginItem.enabled(),
    }),
    now: () => Date.now(),
    simulator: terminal.sim !== undefined,
  });
  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      applicationMenuTemplate(
        {
          showWindow: () => actions.showWindow(),
          hideWindow: () => actions.hideWindow(),
          flattenAll: () => void actions.flattenAll(),
          cancelAll: () => void actions.cancelAll(),
          openLogsFolder: () => actions.openLogsFolder(),
          openDataFolder: () => actions.openDataFolder(),
          quit: () => actions.quit(),
        },
        options.platform,
        !app.isPackaged,
      ),
    ),
  );

  const resync = createResync(terminal.trading, terminal.connection, logger);
  disposers.push(watchPowerAndNetwork({ electron, resync }), () => resync.dispose());
  disposers.push(keepWindowBounds(window, options.settingsPort));

  const quitGuard = installQuitGuard({ electron, openPositions: () => trader.openPositions(), window: () => window, cleanup });
  disposers.push(() => quitGuard.dispose());
  // Closing the window keeps the terminal and its risk monitoring running in the tray.
  let toldAboutTray = false;
  const onClose = (event: { preventDefault(): void }): void => {
    if (quitGuard.quitting()) return;
    event.preventDefault();
    window.hide();
    if (!toldAboutTray) {
      toldAboutTray = true;
      notifier?.show({
        title: 'Topstep Terminal is still running',
        body: 'Risk monitoring goes on in the tray. Quit from the tray menu to stop it.',
        urgency: 'normal',
      });
    }
  };
  window.on('close', onClose);
  disposers.push(() => {
    if (!window.isDestroyed()) window.removeListener('close', onClose);
  });
  const showWindow = (): void => actions.showWindow();
  // A listener, so Electron does not quit when the (hidden) window is the last one.
  const stayInTray = (): void => undefined;
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', stayInTray);
  disposers.push(() => {
    app.removeListener('second-instance', showWindow);
    app.removeListener('activate', showWindow);
    app.removeListener('window-all-closed', stayInTray);
  });

  return {
    dispatcher,
    tray,
    notifier,
    trader,
    actions,
    resync,
    quitGuard,
    loginItem,
    localApi,
    seedTray: async () => {
      const listed = await client.call('accounts.list', {});
      if (!listed.ok) return;
      for (const summary of listed.value) {
        tracker.take('accounts.changed', summary);
        // Without a risk manager (no broker) this answers not-connected; the tray then follows the connection alone.
        const risk = await client.call('risk.state', { accountId: summary.account.id });
        if (risk.ok) tracker.takeRisk(risk.value);
      }
      tray?.refresh();
    },
    dispose: async () => {
      for (const dispose of disposers.splice(0).reverse()) await dispose();
      notifier?.dispose();
      tray?.dispose();
      await localApi?.setEnabled(false);
    },
  };
}
