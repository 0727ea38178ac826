import type { MenuTemplate } from '../electron-module';
import { trayHealthLabels, type TrayHealth } from './tray-health';

/** What the tray menu shows. */
export interface TrayMenuModel {
  readonly health: TrayHealth;
  /** Each account's distances to its limits, one line an account (shown, not clickable). */
  readonly distances?: readonly string[];
  readonly lockForDayAvailable: boolean;
  readonly pauseStrategiesAvailable: boolean;
  readonly startAtLogin: boolean;
}

/** What the tray menu's items do. */
export interface TrayMenuActions {
  showWindow(): void;
  flattenAll(): void;
  cancelAll(): void;
  lockForDay(): void;
  pauseStrategies(): void;
  setStartAtLogin(enabled: boolean): void;
  openLogsFolder(): void;
  quit(): void;
}

/** Labels of the tray menu's items, for the shell and its tests. */
export const trayMenuLabels = {
  showWindow: 'Show Topstep Terminal',
  flattenAll: 'Flatten all positions',
  cancelAll: 'Cancel all orders',
  lockForDay: 'Lock trading for the rest of the day…',
  pauseStrategies: 'Pause all strategies',
  startAtLogin: 'Start at login',
  openLogsFolder: 'Open logs folder',
  quit: 'Quit',
} as const;

/** The tray's context menu. */
export function trayMenuTemplate(model: TrayMenuModel, actions: TrayMenuActions): MenuTemplate {
  return [
    { label: `Risk: ${trayHealthLabels[model.health]}`, enabled: false },
    ...(model.distances ?? []).map((line) => ({ label: line, enabled: false })),
    { type: 'separator' },
    { label: trayMenuLabels.showWindow, click: () => actions.showWindow() },
    { type: 'separator' },
    { label: trayMenuLabels.flattenAll, click: () => actions.flattenAll() },
    { label: trayMenuLabels.cancelAll, click: () => actions.cancelAll() },
    { label: trayMenuLabels.lockForDay, enabled: model.lockForDayAvailable, click: () => actions.lockForDay() },
    { label: trayMenuLabels.pauseStrategies, enabled: model.pauseStrategiesAvailable, click: () => actions.pauseStrategies() },
    { type: 'separator' },
    { label: trayMenuLabels.startAtLogin, type: 'checkbox', checked: model.startAtLogin, click: (item) => actions.setStartAtLogin(item.checked) },
    { label: trayMenuLabels.openLogsFolder, click: () => actions.openLogsFolder() },
    { type: 'separator' },
    { label: trayMenuLabels.quit, click: () => actions.quit() },
  ];
}
