import type { BrowserWindow } from 'electron';
import type { ElectronModule } from './electron-module';
import { secureWebPreferences } from './security';

/** Opens the terminal's main window on the built renderer. */
export function createMainWindow(electron: ElectronModule, paths: { readonly preload: string; readonly rendererIndex: string }): BrowserWindow {
  const window = new electron.BrowserWindow({
    width: 1600,
    height: 960,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0b0e13',
    title: 'Topstep Terminal',
    webPreferences: secureWebPreferences(paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(paths.rendererIndex);
  return window;
}
