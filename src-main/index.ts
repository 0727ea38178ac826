import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { startDesktop } from './app/desktop-main';

// Electron entry: the desktop composition root.
void startDesktop(electron, {
  preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  rendererIndex: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
});
