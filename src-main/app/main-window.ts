import type { BrowserWindow, Rectangle } from 'electron';
import type { ElectronModule } from './electron-module';
import { productName } from './app-identity';
import { secureWebPreferences } from './security';

/** Where and how the window opens. */
export interface WindowPlacement {
  /** Saved bounds (a position only when it is still on a display). */
  readonly bounds?: Partial<Rectangle>;
  readonly maximized?: boolean;
  /** False when started at login: the terminal runs in the tray until the trader opens it. */
  readonly show?: boolean;
}

/** Opens the terminal's main window on the built renderer. */
export function createMainWindow(
  electron: ElectronModule,
  paths: { readonly preload: string; readonly rendererIndex: string },
  placement: WindowPlacement = {},
): BrowserWindow {
  const window = new electron.BrowserWindow({
    width: 1600,
    height: 960,
    ...placement.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0b0e13',
    title: productName,
    webPreferences: secureWebPreferences(paths.preload),
  });
  window.once('ready-to-show', () => {
    if (placement.maximized === true) window.maximize();
    if (placement.show !== false) window.show();
  });
  void window.loadFile(paths.rendererIndex);
  return window;
}
