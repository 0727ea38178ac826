import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { startDesktop } from './app/desktop-main';

// Electron entry: the desktop composition root. Packaged, the tray icons sit outside the asar
// (extraResources), where the OS tray can read them; in development they are in resources/.
void startDesktop(electron, {
  preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  rendererIndex: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
  trayIcons: electron.app.isPackaged ? join(process.resourcesPath, 'tray') : fileURLToPath(new URL('../../resources/tray', import.meta.url)),
});
