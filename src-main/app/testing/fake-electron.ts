import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, MessageBoxOptions, NotificationConstructorOptions, Rectangle } from 'electron';
import type { ElectronModule } from '../electron-module';

/** A web contents that records what the shell does with it. */
export class FakeWebContents extends EventEmitter {
  public static nextId = 1;
  public readonly id = FakeWebContents.nextId++;
  public readonly sent: unknown[][] = [];
  public windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  public send(...args: unknown[]): void {
    this.sent.push(args);
  }

  public setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** A window that records its options and what was loaded. */
export class FakeBrowserWindow extends EventEmitter {
  public static created: FakeBrowserWindow[] = [];
  public readonly webContents = new FakeWebContents();
  public loaded: string | undefined;
  public focused = 0;
  public shown = 0;
  public hidden = 0;
  public visible = false;
  public maximized = false;
  public destroyed = false;
  public bounds: Rectangle;

  public constructor(public readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.created.push(this);
  }

  public loadFile(path: string): Promise<void> {
    this.loaded = path;
    return Promise.resolve();
  }

  public isDestroyed(): boolean {
    return this.destroyed;
  }

  public isMinimized(): boolean {
    return false;
  }

  public restore(): void {}

  public show(): void {
    this.shown++;
    this.visible = true;
  }

  public hide(): void {
    this.hidden++;
    this.visible = false;
  }

  public focus(): void {
    this.focused++;
  }

  public maximize(): void {
    this.maximized = true;
  }

  public isMaximized(): boolean {
    return this.maximized;
  }

  public getNormalBounds(): Rectangle {
    return this.bounds;
  }

  /** Emits `close` the way Electron does; true when a listener prevented it. */
  public tryClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

/** A tray icon that records what it shows. */
export class FakeTray extends EventEmitter {
  public static created: FakeTray[] = [];
  public readonly images: string[] = [];
  public tooltip = '';
  public menu: MenuItemConstructorOptions[] = [];
  public destroyed = false;

  public constructor(image: string) {
    super();
    this.images.push(image);
    FakeTray.created.push(this);
  }

  public setImage(image: string): void {
    this.images.push(image);
  }

  public setToolTip(text: string): void {
    this.tooltip = text;
  }

  public setContextMenu(menu: { template: MenuItemConstructorOptions[] } | null): void {
    this.menu = menu?.template ?? [];
  }

  public destroy(): void {
    this.destroyed = true;
  }
}

/** A notification that records itself when shown. */
export class FakeNotification extends EventEmitter {
  public static shown: FakeNotification[] = [];

  public constructor(public readonly options: NotificationConstructorOptions) {
    super();
  }

  public static isSupported(): boolean {
    return true;
  }

  public show(): void {
    FakeNotification.shown.push(this);
  }
}

/** Options of the fake. */
export interface FakeElectronOptions {
  readonly gotLock?: boolean;
  /** Answers `dialog.showMessageBox` gives, in order (default: the cancel button, 0). */
  readonly dialogAnswers?: number[];
  readonly encryptionAvailable?: boolean;
  readonly storageBackend?: 'basic_text' | 'gnome_libsecret';
}

/** A fake of the electron module, with the recordings tests assert on. */
export function createFakeElectron(options: FakeElectronOptions = {}) {
  const appEvents = new EventEmitter();
  const powerEvents = new EventEmitter();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const dialogAnswers = [...(options.dialogAnswers ?? [])];
  const recorded = {
    quit: 0,
    exit: 0,
    permissionHandler: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    dialogs: [] as MessageBoxOptions[],
    openedPaths: [] as string[],
    applicationMenu: [] as MenuItemConstructorOptions[],
    loginItem: { openAtLogin: false, args: [] as string[] },
    online: true,
  };
  const userData = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  FakeBrowserWindow.created = [];
  FakeTray.created = [];
  FakeNotification.shown = [];
  // Electron's quit emits before-quit (which may be prevented), then will-quit (likewise).
  const emitPreventable = (event: string): boolean => {
    let prevented = false;
    appEvents.emit(event, { preventDefault: () => (prevented = true) });
    return prevented;
  };
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => options.gotLock ?? true,
    quit: () => {
      recorded.quit++;
      if (!emitPreventable('before-quit')) emitPreventable('will-quit');
    },
    exit: () => {
      recorded.exit++;
    },
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    setAppUserModelId: () => undefined,
    getLoginItemSettings: () => ({ openAtLogin: recorded.loginItem.openAtLogin }),
    setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => {
      recorded.loginItem = { openAtLogin: settings.openAtLogin, args: settings.args ?? [] };
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      appEvents.on(event, listener);
      return app;
    },
    removeListener: (event: string, listener: (...args: unknown[]) => void) => {
      appEvents.removeListener(event, listener);
      return app;
    },
  };
  const encrypted = 'fake-encrypted:';
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionHandler) => {
          recorded.permissionHandler = handler;
        },
        webRequest: {},
      },
    },
    Tray: FakeTray,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] } | null) => {
        recorded.applicationMenu = menu?.template ?? [];
      },
    },
    Notification: FakeNotification,
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        recorded.dialogs.push(args.at(-1) as MessageBoxOptions);
        return Promise.resolve({ response: dialogAnswers.shift() ?? 0, checkboxChecked: false });
      },
    },
    shell: {
      openPath: (path: string) => {
        recorded.openedPaths.push(path);
        return Promise.resolve('');
      },
    },
    powerMonitor: {
      on: (event: string, listener: () => void) => powerEvents.on(event, listener),
      removeListener: (event: string, listener: () => void) => powerEvents.removeListener(event, listener),
    },
    safeStorage: {
      isEncryptionAvailable: () => options.encryptionAvailable ?? true,
      getSelectedStorageBackend: () => options.storageBackend ?? 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(encrypted + Buffer.from(text).toString('base64')),
      decryptString: (buffer: Buffer) => {
        const text = buffer.toString();
        if (!text.startsWith(encrypted)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(text.slice(encrypted.length), 'base64').toString();
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 2560, height: 1440 } }] },
    net: { isOnline: () => recorded.online },
  } as unknown as ElectronModule;
  return { electron, appEvents, powerEvents, handlers, recorded, userData };
}

/** Finds a menu item by its label, submenus included. */
export function menuItem(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = menuItem(item.submenu, label);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Clicks a menu item as Electron would (a checkbox flips first). */
export function clickMenuItem(template: readonly MenuItemConstructorOptions[], label: string): void {
  const item = menuItem(template, label);
  if (item?.click === undefined) throw new Error(`no menu item '${label}' with a click handler`);
  const checked = item.type === 'checkbox' ? !(item.checked ?? false) : item.checked;
  const click = item.click as (menuItem: { checked: boolean | undefined }) => void;
  click({ checked });
}
