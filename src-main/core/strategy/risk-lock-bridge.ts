import type { AccountId } from '../../../src-shared/domain/ids';
import type { RiskStateView } from '../../../src-shared/domain/risk';
import type { EventForwarder } from '../event-hub';

/** The two calls a risk lock makes on the strategies. */
export interface StrategyLockTarget {
  pauseAccount(accountId: AccountId, reason: string): void;
  resumeAccount(accountId: AccountId): void;
}

/**
 * Connects the risk manager's published panel to the strategies without either importing the
 * other: when an account-wide lock appears in a `risk.state` event, the account's strategies pause
 * with its reason; when it is gone, they resume. Only changes act. Install it with
 * `events.forward(riskLockBridge(strategies))`.
 */
export function riskLockBridge(target: StrategyLockTarget): EventForwarder {
  const locked = new Map<AccountId, string>();
  return (channel, payload) => {
    if (channel !== 'risk.state') return;
    const state = payload as RiskStateView;
    const lock = state.effectiveLock;
    const previous = locked.get(state.accountId);
    if (lock !== null && previous !== lock.id) {
      locked.set(state.accountId, lock.id);
      target.pauseAccount(state.accountId, lock.reason);
    } else if (lock === null && previous !== undefined) {
      locked.delete(state.accountId);
      target.resumeAccount(state.accountId);
    }
  };
}
