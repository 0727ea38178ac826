import type { AccountId } from '../../../../src-shared/domain/ids';
import type { Scheduler } from '../../scheduler';

interface Waiter {
  readonly check: () => boolean;
  readonly settle: (reached: boolean) => void;
}

/**
 * Waits for the broker's events to bring an account's state to a target: each `notify` (after an
 * event of the account) re-checks the waiters; a waiter that times out resolves false.
 */
export class StateWaiters {
  private readonly waiters = new Map<AccountId, Set<Waiter>>();

  public constructor(private readonly scheduler: Scheduler) {}

  /** Resolves true once `check` holds after an event (or at once), false after `timeoutMs`. */
  public wait(accountId: AccountId, check: () => boolean, timeoutMs: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const set = this.waiters.get(accountId) ?? new Set<Waiter>();
      this.waiters.set(accountId, set);
      let cancelTimeout = (): void => undefined;
      const waiter: Waiter = {
        check,
        settle: (reached) => {
          set.delete(waiter);
          cancelTimeout();
          resolve(reached);
        },
      };
      set.add(waiter);
      cancelTimeout = this.scheduler.schedule(timeoutMs, () => waiter.settle(false));
    });
  }

  /** Re-checks the waiters of an account after one of its events. */
  public notify(accountId: AccountId): void {
    const set = this.waiters.get(accountId);
    if (set === undefined || set.size === 0) return;
    for (const waiter of [...set]) if (waiter.check()) waiter.settle(true);
  }

  /** Releases every waiter with false. */
  public dispose(): void {
    for (const set of this.waiters.values()) for (const waiter of [...set]) waiter.settle(false);
    this.waiters.clear();
  }
}
