import type { AccountId } from '../../../../src-shared/domain/ids';
import type { Cancel, Scheduler } from '../../scheduler';

/** Values (open P&L on every quote) go out at most this often; locks, breaches and alarms at once. */
const valueIntervalMs = 250;

/**
 * Coalesces the `risk.state` announcements: accounts marked changed are published together, at
 * once for urgent changes, else at display rate.
 */
export class StatePublisher {
  private readonly dirty = new Set<AccountId>();
  private pending: { readonly cancel: Cancel; readonly urgent: boolean } | undefined;

  public constructor(
    private readonly scheduler: Scheduler,
    private readonly publish: (accountId: AccountId) => void,
  ) {}

  /** Marks an account's state changed. */
  public mark(accountId: AccountId, urgent: boolean): void {
    this.dirty.add(accountId);
    if (this.pending !== undefined && (this.pending.urgent || !urgent)) return;
    this.pending?.cancel();
    this.pending = { urgent, cancel: this.scheduler.schedule(urgent ? 0 : valueIntervalMs, () => this.flush()) };
  }

  /** Drops what is pending. */
  public dispose(): void {
    this.pending?.cancel();
    this.pending = undefined;
    this.dirty.clear();
  }

  private flush(): void {
    this.pending = undefined;
    const accounts = [...this.dirty];
    this.dirty.clear();
    for (const accountId of accounts) this.publish(accountId);
  }
}
