import { describe, expect, it } from 'vitest';
import { appMenuLabels, applicationMenuTemplate, type AppMenuActions } from './app-menu';
import { clickMenuItem, menuItem } from './testing/fake-electron';

function actions(): AppMenuActions & { calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => () => void calls.push(name);
  return {
    calls,
    showWindow: record('showWindow'),
    hideWindow: record('hideWindow'),
    flattenAll: record('flattenAll'),
    cancelAll: record('cancelAll'),
    openLogsFolder: record('openLogsFolder'),
    openDataFolder: record('openDataFolder'),
    quit: record('quit'),
  };
}

describe('application menu', () => {
  it('has the usual menus and shortcuts', () => {
    const template = applicationMenuTemplate(actions(), 'linux', false);

    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'Trading', 'windowMenu', 'help']);
    expect(menuItem(template, appMenuLabels.quit)?.accelerator).toBe('CmdOrCtrl+Q');
    expect(menuItem(template, appMenuLabels.closeToTray)?.accelerator).toBe('CmdOrCtrl+W');
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
    expect(menuItem(template, appMenuLabels.flattenAll)?.accelerator).toBeUndefined();
  });

  it('puts Quit in the app menu on macOS and offers developer tools in development', () => {
    const template = applicationMenuTemplate(actions(), 'darwin', true);

    expect(template[0]?.label).toBe('Topstep Terminal');
    expect(menuItem([template[0] ?? {}], appMenuLabels.quit)).toBeDefined();
    expect(JSON.stringify(template)).toContain('toggleDevTools');
  });

  it('calls its actions', () => {
    const recorded = actions();
    const template = applicationMenuTemplate(recorded, 'win32', false);

    for (const label of [
      appMenuLabels.openLogsFolder,
      appMenuLabels.openDataFolder,
      appMenuLabels.closeToTray,
      appMenuLabels.flattenAll,
      appMenuLabels.cancelAll,
      appMenuLabels.quit,
    ])
      clickMenuItem(template, label);

    expect(recorded.calls).toEqual(['openLogsFolder', 'openDataFolder', 'hideWindow', 'flattenAll', 'cancelAll', 'quit']);
  });
});
