import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger';
import type { ElectronModule } from './electron-module';
import type { ActionOutcome, TraderActions } from './trader-actions';

/** What the menus' actions need. */
export interface ShellActionsOptions {
  readonly electron: Pick<ElectronModule, 'app' | 'dialog' | 'shell'>;
  readonly window: BrowserWindow;
  readonly trader: TraderActions;
  readonly logsDirectory: string;
  readonly dataDir: string;
  /** Shows the outcome of an action the trader asked for. */
  readonly report: (title: string, outcome: ActionOutcome) => void;
  readonly logger: Logger;
}

/** What the tray and the application menu do. */
export interface ShellActions {
  showWindow(): void;
  hideWindow(): void;
  flattenAll(): Promise<void>;
  cancelAll(): Promise<void>;
  /** Asks first: the lock cannot be undone. */
  lockForDay(): Promise<void>;
  pauseStrategies(): Promise<void>;
  openLogsFolder(): void;
  openDataFolder(): void;
  quit(): void;
}

/** Builds the menu actions: trading goes through the contract, the rest drives the window and the OS. */
export function createShellActions(options: ShellActionsOptions): ShellActions {
  const { electron, window, trader, report, logger } = options;
  const run = async (title: string, action: () => Promise<ActionOutcome>): Promise<void> => {
    const outcome = await action();
    logger.info({ action: title, ok: outcome.ok, message: outcome.message }, 'menu action');
    report(title, outcome);
  };
  const open = (path: string): void => {
    void electron.shell.openPath(path).then((error) => {
      if (error !== '') logger.warn({ path, error }, 'could not open a folder');
    });
  };
  return {
    showWindow: () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    hideWindow: () => {
      if (!window.isDestroyed()) window.hide();
    },
    flattenAll: () => run('Flatten all', () => trader.flattenAll()),
    cancelAll: () => run('Cancel all', () => trader.cancelAll()),
    lockForDay: async () => {
      const accounts = await trader.accountCount();
      const question = {
        type: 'warning' as const,
        buttons: ['Cancel', 'Lock trading'],
        defaultId: 0,
        cancelId: 0,
        title: 'Lock trading for the rest of the day?',
        message: 'Lock trading for the rest of the day?',
        detail: `New orders on ${accounts === 1 ? 'your account' : `all ${accounts} accounts`} are refused until the next day roll (17:00 CT). This cannot be undone.`,
      };
      const answer = window.isDestroyed() ? await electron.dialog.showMessageBox(question) : await electron.dialog.showMessageBox(window, question);
      if (answer.response !== 1) return;
      await run('Lock for the day', () => trader.lockForDay());
    },
    pauseStrategies: () => run('Pause strategies', () => trader.pauseStrategies()),
    openLogsFolder: () => open(options.logsDirectory),
    openDataFolder: () => open(options.dataDir),
    quit: () => electron.app.quit(),
  };
}
