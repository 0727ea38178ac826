import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Menu,
  MenuItemConstructorOptions,
  Net,
  NotificationConstructorOptions,
  PowerMonitor,
  SafeStorage,
  Screen,
  Session,
  Shell,
  WebContents,
} from 'electron';

/** The tray icon as the shell drives it. */
export interface TrayHandle {
  setImage(image: string): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click' | 'double-click', listener: () => void): unknown;
  destroy(): void;
}

/** A native notification as the shell drives it. */
export interface NotificationHandle {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

/**
 * The part of the electron module the shell uses. The entry passes the real module; unit tests
 * pass a fake, so no test ever imports electron.
 */
export interface ElectronModule {
  readonly app: Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'exit'
    | 'whenReady'
    | 'getPath'
    | 'on'
    | 'removeListener'
    | 'getLoginItemSettings'
    | 'setLoginItemSettings'
    | 'setAppUserModelId'
    | 'isPackaged'
  >;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly session: { readonly defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'webRequest'> };
  readonly Tray: new (image: string) => TrayHandle;
  readonly Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu; setApplicationMenu(menu: Menu | null): void };
  readonly Notification: { new (options: NotificationConstructorOptions): NotificationHandle; isSupported(): boolean };
  readonly dialog: Pick<Dialog, 'showMessageBox'>;
  readonly shell: Pick<Shell, 'openPath'>;
  readonly powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>;
  readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  readonly screen: Pick<Screen, 'getAllDisplays'>;
  readonly net: Pick<Net, 'isOnline'>;
}

/** The web contents events the shell hardens. */
export type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** The options of one menu item (application menu and tray). */
export type MenuTemplate = MenuItemConstructorOptions[];
