import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
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
  public destroyed = false;

  public constructor(public readonly options: BrowserWindowConstructorOptions) {
    super();
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
  }

  public focus(): void {
    this.focused++;
  }
}

/** A fake of the electron module, with the recordings tests assert on. */
export function createFakeElectron(options: { readonly gotLock?: boolean } = {}) {
  const appEvents = new EventEmitter();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const recorded = { quit: 0, permissionHandler: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) };
  const userData = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  FakeBrowserWindow.created = [];
  const app = {
    requestSingleInstanceLock: () => options.gotLock ?? true,
    quit: () => {
      recorded.quit++;
    },
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    on: (event: string, listener: (...args: unknown[]) => void) => {
      appEvents.on(event, listener);
      return app;
    },
  };
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
  } as unknown as ElectronModule;
  return { electron, appEvents, handlers, recorded, userData };
}
