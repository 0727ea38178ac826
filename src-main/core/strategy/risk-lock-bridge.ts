import type { AccountId } from '../../../src-shared/domain/ids';

/** The two calls a risk lock makes on the strategies. */
export interface StrategyLockTarget {
  pauseAccount(accountId: AccountId, reason: string): void;
  resumeAccount(accountId: AccountId): void;
}

/** An account's lock as the risk manager signals it: the lock covering the whole account, or none. */
export type AccountLockSignal = (accountId: AccountId, lock: { readonly id: string; readonly reason: string } | undefined) => void;

/**
 * Connects the risk manager's lock signal to the strategies without either importing the other:
 * when an account-wide lock appears, the account's strategies pause with its reason; when it is
 * gone, they resume. Only changes act. Install it with `risk.observeLocks(riskLockBridge(strategies))`.
 */
export function riskLockBridge(target: StrategyLockTarget): AccountLockSignal {
  const locked = new Map<AccountId, string>();
  return (accountId, lock) => {
    const previous = locked.get(accountId);
    if (lock !== undefined && previous !== lock.id) {
      locked.set(accountId, lock.id);
      target.pauseAccount(accountId, lock.reason);
    } else if (lock === undefined && previous !== undefined) {
      locked.delete(accountId);
      target.resumeAccount(accountId);
    }
  };
}
