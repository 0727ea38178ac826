import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { EpochMs } from '../../../../src-shared/domain/ids';
import { every, type Cancel } from '../../../core/scheduler';
import type { TimerScope } from '../support/timer-scope';
import type { HubLink } from './hub-link';

/** What the watchdog reads and drives on a hub link. */
export type WatchedLink = Pick<
  HubLink,
  | 'name'
  | 'lastEventAt'
  | 'lastConnectedAt'
  | 'isConnected'
  | 'subscriptionCount'
  | 'subscribedContracts'
  | 'markStale'
  | 'markLive'
  | 'resubscribe'
  | 'reconnect'
>;

/** Tuning of the watchdog. */
export interface WatchdogSettings {
  /** Silence (no market event while subscribed, market open) that counts as a frozen feed. */
  readonly staleAfterMs: number;
  /** How often the silence is measured. */
  readonly checkEveryMs: number;
}

/**
 * Catches a feed that freezes while its socket looks healthy (docs/projectx-gateway.md §9): after
 * `staleAfterMs` of silence during market hours it reports `stale` and resubscribes; if the silence
 * lasts another `staleAfterMs`, it reconnects the hub. Repeated freezes back off (up to 8x) before
 * reconnecting.
 */
export class StalenessWatchdog {
  private cancel: Cancel | undefined;
  private stage: 'watching' | 'resubscribed' | 'reconnected' = 'watching';
  private stageAt = 0;
  private cycles = 0;

  public constructor(
    private readonly link: WatchedLink,
    private readonly settings: WatchdogSettings,
    private readonly isMarketOpen: (at: EpochMs, contractIds: readonly string[]) => boolean,
    private readonly clock: Clock,
    private readonly timers: TimerScope,
    private readonly logger: Logger,
  ) {}

  /** Starts the periodic check. */
  public start(): void {
    this.cancel?.();
    this.cancel = every(this.timers, this.settings.checkEveryMs, () => this.check());
  }

  /** Stops checking. */
  public stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  /** One measurement (public for tests). */
  public check(): void {
    const now = this.clock.now();
    const lastEvent = this.link.lastEventAt ?? 0;
    if (this.stage !== 'watching' && lastEvent > this.stageAt) {
      this.logger.info({ hub: this.link.name }, 'market events flow again');
      this.stage = 'watching';
      this.cycles = 0;
      this.link.markLive('events flow again');
    }
    if (!this.link.isConnected || this.link.subscriptionCount === 0 || !this.isMarketOpen(now, this.link.subscribedContracts)) return;
    const quietSince = Math.max(lastEvent, this.link.lastConnectedAt ?? 0, this.stage === 'watching' ? 0 : this.stageAt);
    const quietFor = now - quietSince;
    const patience = this.stage === 'resubscribed' ? this.settings.staleAfterMs * Math.min(8, 2 ** this.cycles) : this.settings.staleAfterMs;
    if (quietFor < patience) return;
    if (this.stage === 'resubscribed') {
      this.stage = 'reconnected';
      this.stageAt = now;
      this.cycles++;
      void this.link.reconnect(`no market event for ${Math.round(quietFor / 1000)} s after resubscribing`);
      return;
    }
    this.stage = 'resubscribed';
    this.stageAt = now;
    this.logger.warn({ hub: this.link.name, quietMs: quietFor }, 'market feed is silent; resubscribing');
    this.link.markStale(`no market event for ${Math.round(quietFor / 1000)} s`);
    void this.link.resubscribe();
  }
}
