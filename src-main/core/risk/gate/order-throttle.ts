import type { AccountId } from '../../../../src-shared/domain/ids';

const windowMs = 1000;

/** A sliding one-second window of orders sent per account. */
export class OrderThrottle {
  private readonly sent = new Map<AccountId, number[]>();

  /** True when one more order now would pass `perSecond`. */
  public wouldExceed(accountId: AccountId, now: number, perSecond: number): boolean {
    return this.recent(accountId, now).length >= perSecond;
  }

  /** Records an order let through. */
  public record(accountId: AccountId, now: number): void {
    this.recent(accountId, now).push(now);
  }

  private recent(accountId: AccountId, now: number): number[] {
    const times = this.sent.get(accountId) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= now - windowMs) times.shift();
    this.sent.set(accountId, times);
    return times;
  }
}
