import type { Logger } from '../../../core/logger';
import type { Result } from '../../../../src-shared/result';
import type { TimerScope } from '../support/timer-scope';
import type { HubLink } from './hub-link';

/** What the monitor reads and drives on a hub link. */
export type LoggedOutLink = Pick<HubLink, 'name' | 'on' | 'lastEventAt' | 'isConnected' | 'resubscribe' | 'reconnect'>;

/** What to do about a `GatewayLogout`. */
export interface LogoutParts {
  /** Validates the token (and logs in again when that fails). */
  readonly refreshToken: () => Promise<Result<string>>;
  /** Whether silence on this hub means something is wrong (market hub: subscribed and market open). */
  readonly expectsEvents: () => boolean;
  readonly timers: TimerScope;
  readonly logger: Logger;
  /** How long to watch for events after the logout before judging. */
  readonly graceMs: number;
}

/**
 * Handles the undocumented `GatewayLogout` (docs/projectx-gateway.md §6.3). Live captures show it
 * about 10 s after every connect while events keep flowing, so it never tears the connection down
 * by itself: it is logged, the token is validated, and the hub reconnects only if events then stop
 * (or, on a hub that may be quiet, only if re-sending its subscriptions fails).
 */
export class LogoutMonitor {
  public constructor(
    private readonly link: LoggedOutLink,
    private readonly parts: LogoutParts,
  ) {}

  /** Registers the handler on the hub. */
  public register(): void {
    this.link.on('GatewayLogout', () => void this.loggedOut());
  }

  private async loggedOut(): Promise<void> {
    const { logger, timers } = this.parts;
    const heardAt = this.link.lastEventAt ?? 0;
    logger.warn({ hub: this.link.name }, 'GatewayLogout received; validating the token');
    const token = await this.parts.refreshToken();
    if (!token.ok) logger.error({ hub: this.link.name, reason: token.error.message }, 'token validation after GatewayLogout failed');
    if (!(await timers.sleep(this.parts.graceMs))) return;
    // The logout itself counted as an event; anything later means the session still delivers.
    const eventsAfter = (this.link.lastEventAt ?? 0) > heardAt;
    if (eventsAfter || !this.link.isConnected) return;
    if (this.parts.expectsEvents()) {
      await this.link.reconnect('events stopped after GatewayLogout');
      return;
    }
    if (!(await this.link.resubscribe())) await this.link.reconnect('the hub refused its subscriptions after GatewayLogout');
    else logger.info({ hub: this.link.name }, 'hub still accepts subscriptions after GatewayLogout; keeping it');
  }
}
