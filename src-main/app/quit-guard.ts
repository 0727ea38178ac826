import type { BrowserWindow } from 'electron';
import type { ElectronModule } from './electron-module';

/** What the quit guard needs. */
export interface QuitGuardOptions {
  readonly electron: Pick<ElectronModule, 'app' | 'dialog'>;
  readonly openPositions: () => Promise<number>;
  /** The window the question is asked over, while it exists. */
  readonly window: () => BrowserWindow | undefined;
  /** Releases everything before the process exits (the terminal, the store, the logs). */
  readonly cleanup: () => Promise<void>;
}

/** The state of quitting, for the window's close handler. */
export interface QuitGuard {
  /** True once quitting was confirmed: the window may really close. */
  quitting(): boolean;
  dispose(): void;
}

/** A cleanup that hangs must not keep the process alive for ever. */
const cleanupTimeoutMs = 8_000;

/**
 * Asks before quitting while positions are open (risk monitoring stops with the terminal), then
 * cleans up before the process exits.
 */
export function installQuitGuard(options: QuitGuardOptions): QuitGuard {
  const { app, dialog } = options.electron;
  let confirmed = false;
  let asking = false;
  let cleaned = false;

  const confirmThenQuit = async (): Promise<void> => {
    asking = true;
    try {
      const open = await options.openPositions();
      if (open > 0) {
        const question = {
          type: 'warning' as const,
          buttons: ['Keep running', 'Quit anyway'],
          defaultId: 0,
          cancelId: 0,
          title: 'Quit Topstep Terminal?',
          message: `${open} position${open === 1 ? ' is' : 's are'} open.`,
          detail:
            'Quitting stops the risk monitoring: nothing enforces your limits on these positions until the terminal runs again. Closing the window instead keeps it running in the tray.',
        };
        const parent = options.window();
        const answer = parent === undefined || parent.isDestroyed() ? await dialog.showMessageBox(question) : await dialog.showMessageBox(parent, question);
        if (answer.response !== 1) return;
      }
      confirmed = true;
      app.quit();
    } finally {
      asking = false;
    }
  };

  const beforeQuit = (event: { preventDefault(): void }): void => {
    if (confirmed) return;
    event.preventDefault();
    if (!asking) void confirmThenQuit();
  };
  const willQuit = (event: { preventDefault(): void }): void => {
    if (cleaned) return;
    event.preventDefault();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, cleanupTimeoutMs);
    });
    void Promise.race([options.cleanup().catch(() => undefined), timeout]).then(() => {
      clearTimeout(timer);
      cleaned = true;
      app.exit(0);
    });
  };
  app.on('before-quit', beforeQuit);
  app.on('will-quit', willQuit);
  return {
    quitting: () => confirmed,
    dispose: () => {
      app.removeListener('before-quit', beforeQuit);
      app.removeListener('will-quit', willQuit);
    },
  };
}
