import { join } from 'node:path';
import type { TrayHealth } from './tray-health';

/** The icon file of a tray state in the tray icons folder (`name@2x.png` beside it for HiDPI). */
export function trayIconPath(iconsDirectory: string, health: TrayHealth): string {
  return join(iconsDirectory, `tray-${health}.png`);
}
