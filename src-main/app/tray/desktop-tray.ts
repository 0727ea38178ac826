import type { EventHub } from '../../core/event-hub';
import type { ElectronModule, TrayHandle } from '../electron-module';
import { trayIconPath } from './tray-icons';
import { trayMenuTemplate, type TrayMenuActions, type TrayMenuModel } from './tray-menu';
import { nextLockEnd, trayTooltip, type TrayStatus, type TrayStatusTracker } from './tray-status';

/** What the tray needs. */
export interface DesktopTrayOptions {
  readonly electron: Pick<ElectronModule, 'Tray' | 'Menu'>;
  readonly iconsDirectory: string;
  readonly events: EventHub;
  readonly tracker: TrayStatusTracker;
  readonly actions: TrayMenuActions;
  /** The parts of the menu that do not come from the risk state. */
  readonly menuFacts: () => Omit<TrayMenuModel, 'health'>;
  readonly now: () => number;
  /** True when the terminal runs on the built-in simulator: the tooltip starts with `SIM · `. */
  readonly simulator?: boolean;
}

/** Events arrive with every price move; the tray is redrawn at most this often. */
const refreshDelayMs = 500;
/** How often the lock countdown in the tooltip is redrawn while a lock runs (it shows seconds under an hour). */
const countdownIntervalMs = 1000;

/** The system tray icon: shows the worst risk state, the day P&L and the lock countdown, and the menu. */
export class DesktopTray {
  private readonly tray: TrayHandle;
  private readonly stopForwarding: () => void;
  private shown: { image: string; tooltip: string; menu: string } = { image: '', tooltip: '', menu: '' };
  private pending: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private disposed = false;

  public constructor(private readonly options: DesktopTrayOptions) {
    const image = trayIconPath(options.iconsDirectory, options.tracker.status().health);
    this.tray = new options.electron.Tray(image);
    this.shown.image = image;
    this.tray.on('click', () => options.actions.showWindow());
    this.stopForwarding = options.events.forward((channel, payload) => {
      if (options.tracker.take(channel, payload)) this.scheduleRefresh();
    });
    this.refresh();
  }

  /** Redraws now (after a settings change, and in tests). */
  public refresh(): TrayStatus {
    const { options } = this;
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = undefined;
    const status = options.tracker.status();
    if (this.disposed) return status;
    const now = options.now();
    const image = trayIconPath(options.iconsDirectory, status.health);
    const tooltip = trayTooltip(status, now, options.simulator === true);
    const distances = status.accounts
      .filter((line) => line.distances !== null)
      .map((line) => `${line.program === null ? line.name : `${line.name} (${line.program})`}: ${line.distances ?? ''}`);
    const model: TrayMenuModel = { health: status.health, distances, ...options.menuFacts() };
    const menu = JSON.stringify(model);
    if (image !== this.shown.image) this.tray.setImage(image);
    if (tooltip !== this.shown.tooltip) this.tray.setToolTip(tooltip);
    if (menu !== this.shown.menu) this.tray.setContextMenu(options.electron.Menu.buildFromTemplate(trayMenuTemplate(model, options.actions)));
    this.shown = { image, tooltip, menu };
    this.keepCountdown(nextLockEnd(status, now) !== undefined);
    return status;
  }

  /** Removes the icon and releases its listener and timers. */
  public dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopForwarding();
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.keepCountdown(false);
    this.tray.destroy();
  }

  private scheduleRefresh(): void {
    if (this.pending !== undefined || this.disposed) return;
    this.pending = setTimeout(() => this.refresh(), refreshDelayMs);
  }

  private keepCountdown(running: boolean): void {
    if (running && this.countdown === undefined) this.countdown = setInterval(() => this.refresh(), countdownIntervalMs);
    if (!running && this.countdown !== undefined) {
      clearInterval(this.countdown);
      this.countdown = undefined;
    }
  }
}
