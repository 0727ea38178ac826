import type { App, BrowserWindow, BrowserWindowConstructorOptions, IpcMain, Session, WebContents } from 'electron';

/**
 * The part of the electron module the shell uses. The entry passes the real module; unit tests
 * pass a fake, so no test ever imports electron.
 */
export interface ElectronModule {
  readonly app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'whenReady' | 'getPath' | 'on'>;
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly session: { readonly defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'webRequest'> };
}

/** The web contents events the shell hardens. */
export type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
