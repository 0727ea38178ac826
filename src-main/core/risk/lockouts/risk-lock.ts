import type { AccountId } from '../../../../src-shared/domain/ids';
import type { RiskLockCondition, RiskLockKind, RiskLockView, RiskSource } from '../../../../src-shared/domain/risk';
import { formatLocal } from '../../../../src-shared/exchange';

/** What a breach asks the lockouts for. */
export interface LockRequest {
  /** Null locks the whole account. */
  readonly symbol: string | null;
  readonly kind: RiskLockKind;
  /** The rule that set it, or `trader` (the trader's lock for the day). */
  readonly ruleId: RiskSource;
  readonly reason: string;
  /** Null for a condition lock. */
  readonly endsAt: number | null;
  readonly condition: RiskLockCondition | null;
  /** Lifted at the day roll even if its time has not come (day counters restart). */
  readonly dayScoped: boolean;
}

/** A lock in force. */
export interface RiskLock extends LockRequest {
  readonly id: string;
  readonly accountId: AccountId;
  readonly startedAt: number;
}

/** One lock per scope, rule and kind: a repeat extends it, a cooldown never touches a hard lock. */
export function lockId(accountId: AccountId, request: Pick<LockRequest, 'symbol' | 'ruleId' | 'kind'>): string {
  return `${accountId}|${request.symbol ?? '*'}|${request.ruleId}|${request.kind}`;
}

/** How long a lock holds, for "most restrictive wins": a condition lock outlasts any time. */
export function lockHorizon(lock: LockRequest): number {
  return lock.endsAt ?? Number.POSITIVE_INFINITY;
}

const kindRank: Readonly<Record<RiskLock['kind'], number>> = { hard: 3, condition: 2, cooldown: 1 };

/** The more restrictive of two locks: the later end, then hard over condition over cooldown. */
export function moreRestrictive(a: RiskLock, b: RiskLock): RiskLock {
  const difference = lockHorizon(a) - lockHorizon(b);
  if (difference !== 0 && !Number.isNaN(difference)) return difference > 0 ? a : b;
  return kindRank[a.kind] >= kindRank[b.kind] ? a : b;
}

/** The sentence an order is denied with while the lock holds. */
export function lockDenial(lock: LockRequest, timeZone: string): string {
  const scope = lock.symbol === null ? 'trading' : lock.symbol;
  if (lock.condition === 'trading-enabled') return `${lock.reason}: ${scope} locked until the broker enables trading again`;
  if (lock.condition === 'symbol-unblocked') return `${lock.reason}: ${scope} locked while it is in the symbol blocks`;
  return `${lock.reason}: ${scope} locked until ${formatLocal(lock.endsAt ?? 0, timeZone)}`;
}

/** The panel's view of a lock. */
export function lockView(lock: RiskLock, timeZone: string): RiskLockView {
  return {
    id: lock.id,
    accountId: lock.accountId,
    symbol: lock.symbol,
    kind: lock.kind,
    ruleId: lock.ruleId,
    reason: lock.reason,
    startedAt: lock.startedAt,
    endsAt: lock.endsAt,
    condition: lock.condition,
    denial: lockDenial(lock, timeZone),
  };
}
