import type { LockRequest } from './risk-lock';

/** The reason of the trader's own lock; the gate answers `<reason>: trading locked until <roll>`. */
export const traderLockReason = 'TRADER-LOCK trading locked by the trader for the rest of the day';

/**
 * The lock the trader sets on an account ("lock trading for the rest of the day"): a hard,
 * account-wide lock until the next day roll. Like every hard lock it cannot be lifted before then;
 * asking again changes nothing.
 */
export function traderDayLock(nextRollAt: number): LockRequest {
  return { symbol: null, kind: 'hard', ruleId: 'trader', reason: traderLockReason, endsAt: nextRollAt, condition: null, dayScoped: true };
}
