import type { IpcMainInvokeEvent } from 'electron';
import type { ElectronModule, HardenedContents } from './electron-module';

/** The window's web preferences: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Blocks navigation away from the app, new windows and webviews in every web contents. */
export function hardenWebContents(contents: HardenedContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission request (camera, notifications from the page, geolocation...). */
export function denyPermissions(electron: ElectronModule): void {
  electron.session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** True when an IPC message comes from the main window's own top frame showing the app. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trusted: { readonly webContentsId: number; readonly appUrl: string },
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (event.sender.id !== trusted.webContentsId) return false;
  if (frame.parent !== null) return false;
  return stripHash(frame.url) === stripHash(trusted.appUrl);
}

function stripHash(url: string): string {
  const index = url.indexOf('#');
  return index === -1 ? url : url.slice(0, index);
}
