import type { NotificationKind } from '../../../src-shared/domain/host-settings';
import type { EventHub } from '../../core/event-hub';
import type { Logger } from '../../core/logger';
import type { ElectronModule } from '../electron-module';
import type { Notice, NoticeRules } from './notice-rules';

/** What the notifier needs. */
export interface DesktopNotifierOptions {
  readonly electron: Pick<ElectronModule, 'Notification'>;
  readonly events: EventHub;
  readonly rules: NoticeRules;
  /** True when notifications of a kind are on (the settings). */
  readonly enabled: (kind: NotificationKind) => boolean;
  /** A click on a notification shows the window. */
  readonly showWindow: () => void;
  readonly logger: Logger;
}

/** Fills of one burst (a flatten, a bracket) are shown as one notification. */
const fillBurstMs = 300;

/** Shows native notifications for the contract's events, each kind only while its setting is on. */
export class DesktopNotifier {
  private readonly stopForwarding: () => void;
  private fills: Notice[] = [];
  private fillTimer: ReturnType<typeof setTimeout> | undefined;

  public constructor(private readonly options: DesktopNotifierOptions) {
    this.stopForwarding = options.events.forward((channel, payload) => {
      // The rules see every event, so what they remember stays right while a kind is off.
      const notice = options.rules.noticeFor(channel, payload);
      if (notice === undefined || !options.enabled(notice.kind)) return;
      if (notice.kind === 'fills') this.collectFill(notice);
      else this.show(notice);
    });
  }

  /** Shows one notice now, whatever the settings (the answer to something the trader asked for). */
  public show(notice: Pick<Notice, 'title' | 'body' | 'urgency'>): void {
    const { Notification } = this.options.electron;
    if (!Notification.isSupported()) return;
    try {
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        urgency: notice.urgency,
        timeoutType: notice.urgency === 'critical' ? 'never' : 'default',
      });
      notification.on('click', () => this.options.showWindow());
      notification.show();
    } catch (error) {
      this.options.logger.warn({ title: notice.title, error: error instanceof Error ? error.message : String(error) }, 'notification could not be shown');
    }
  }

  /** Stops listening and drops fills not yet shown. */
  public dispose(): void {
    this.stopForwarding();
    if (this.fillTimer !== undefined) clearTimeout(this.fillTimer);
    this.fillTimer = undefined;
    this.fills = [];
  }

  private collectFill(notice: Notice): void {
    this.fills.push(notice);
    this.fillTimer ??= setTimeout(() => {
      this.fillTimer = undefined;
      const burst = this.fills.splice(0);
      const first = burst[0];
      if (first === undefined) return;
      this.show(burst.length === 1 ? first : { title: `${burst.length} fills`, body: burst.map((fill) => fill.body).join('\n'), urgency: 'normal' });
    }, fillBurstMs);
  }
}
