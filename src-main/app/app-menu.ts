import type { MenuTemplate } from './electron-module';

/** What the application menu's own items do (the rest are Electron roles). */
export interface AppMenuActions {
  showWindow(): void;
  hideWindow(): void;
  flattenAll(): void;
  cancelAll(): void;
  openLogsFolder(): void;
  openDataFolder(): void;
  quit(): void;
}

/** Labels of the application menu's own items. */
export const appMenuLabels = {
  openLogsFolder: 'Open Logs Folder',
  openDataFolder: 'Open Data Folder',
  closeToTray: 'Close Window (keeps running in the tray)',
  flattenAll: 'Flatten All Positions',
  cancelAll: 'Cancel All Orders',
  quit: 'Quit Topstep Terminal',
} as const;

/**
 * The application menu: the usual entries and shortcuts. Trading actions carry no shortcut, so
 * they never take a key the trading UI's own hotkeys use.
 */
export function applicationMenuTemplate(actions: AppMenuActions, platform: NodeJS.Platform, developer: boolean): MenuTemplate {
  const mac = platform === 'darwin';
  const quit = { label: appMenuLabels.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() };
  const template: MenuTemplate = [];
  if (mac) {
    template.push({
      label: 'Topstep Terminal',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, quit],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: appMenuLabels.openLogsFolder, click: () => actions.openLogsFolder() },
        { label: appMenuLabels.openDataFolder, click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: appMenuLabels.closeToTray, accelerator: 'CmdOrCtrl+W', click: () => actions.hideWindow() },
        ...(mac ? [] : [{ type: 'separator' as const }, quit]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(developer ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Trading',
      submenu: [
        { label: appMenuLabels.flattenAll, click: () => actions.flattenAll() },
        { label: appMenuLabels.cancelAll, click: () => actions.cancelAll() },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: appMenuLabels.openLogsFolder, click: () => actions.openLogsFolder() }],
    },
  );
  return template;
}
