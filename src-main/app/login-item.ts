import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ElectronModule } from './electron-module';

/** The argument that starts the terminal in the tray, without showing the window. */
export const hiddenArgument = '--hidden';

/** Start at login, as the tray's checkbox and the settings see it. */
export interface LoginItem {
  enabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/** What the login item needs; `command` is the program and its arguments that start the app. */
export interface LoginItemOptions {
  readonly app: Pick<ElectronModule['app'], 'getLoginItemSettings' | 'setLoginItemSettings'>;
  readonly platform: NodeJS.Platform;
  readonly command: readonly string[];
  /** Linux: the XDG autostart folder (default `$XDG_CONFIG_HOME/autostart` or `~/.config/autostart`). */
  readonly autostartDirectory?: string;
}

/** macOS and Windows keep login items themselves; Linux desktops read an XDG autostart entry. */
export function createLoginItem(options: LoginItemOptions): LoginItem {
  if (options.platform !== 'linux') {
    return {
      enabled: () => options.app.getLoginItemSettings().openAtLogin,
      setEnabled: (enabled) => options.app.setLoginItemSettings({ openAtLogin: enabled, args: [hiddenArgument] }),
    };
  }
  const directory = options.autostartDirectory ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
  const file = join(directory, 'topstep-terminal.desktop');
  return {
    enabled: () => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    },
    setEnabled: (enabled) => {
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(directory, { recursive: true });
      writeFileSync(file, autostartEntry([...options.command, hiddenArgument]));
    },
  };
}

/** An XDG desktop entry that runs a command at login. */
export function autostartEntry(command: readonly string[]): string {
  const exec = command.map(quoteExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Topstep Terminal',
    'Comment=Futures trading terminal with risk monitoring',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Quotes one Exec argument as the desktop entry specification asks. */
function quoteExecArgument(argument: string): string {
  if (/^[\w\-./=:@]+$/.test(argument)) return argument;
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}
