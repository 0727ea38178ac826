import type { ContractId, OrderId } from '../../../../src-shared/domain/ids';
import { lockHorizon, type LockRequest } from '../lockouts/risk-lock';
import type { RiskAction } from '../rules/rule-types';

const kindOrder: Readonly<Record<RiskAction['kind'], number>> = { 'flatten-all': 0, flatten: 1, reduce: 2, 'cancel-all': 3, cancel: 4, 'move-stop': 5 };

function contractOf(action: RiskAction): ContractId | null {
  return action.kind === 'flatten-all' ? null : action.contractId;
}

function compare(a: RiskAction, b: RiskAction): number {
  const byKind = kindOrder[a.kind] - kindOrder[b.kind];
  if (byKind !== 0) return byKind;
  // Account-wide before per contract, then by contract id, for a stable order.
  const left = contractOf(a) ?? '';
  const right = contractOf(b) ?? '';
  if (left !== right) return left < right ? -1 : 1;
  const leftOrder = a.kind === 'cancel' || a.kind === 'move-stop' ? a.orderId : 0;
  const rightOrder = b.kind === 'cancel' || b.kind === 'move-stop' ? b.orderId : 0;
  return leftOrder - rightOrder;
}

/**
 * Merges the actions of every breach of one event into one ordered, duplicate-free list:
 * flatten-all absorbs every other position or order action; a flatten absorbs the reduces, cancels
 * and stop moves of its contract (and an unconditional flatten wins over a conditional one); an
 * account-wide cancel-all absorbs the per-contract ones; the deepest reduce wins.
 */
export function mergeActions(actions: readonly RiskAction[]): RiskAction[] {
  if (actions.some((action) => action.kind === 'flatten-all')) return [{ kind: 'flatten-all' }];
  const flattens = new Map<ContractId, boolean>();
  const reduces = new Map<ContractId, number>();
  const cancels = new Map<OrderId, RiskAction>();
  const stops = new Map<OrderId, RiskAction>();
  const cancelAll = new Set<ContractId | null>();
  for (const action of actions) {
    if (action.kind === 'flatten') flattens.set(action.contractId, (flattens.get(action.contractId) ?? true) && action.unlessProtected);
    else if (action.kind === 'reduce') reduces.set(action.contractId, Math.min(reduces.get(action.contractId) ?? Number.POSITIVE_INFINITY, action.targetSize));
    else if (action.kind === 'cancel-all') cancelAll.add(action.contractId);
    else if (action.kind === 'cancel') cancels.set(action.orderId, action);
    else if (action.kind === 'move-stop' && !stops.has(action.orderId)) stops.set(action.orderId, action);
  }
  const accountCancel = cancelAll.has(null);
  const merged: RiskAction[] = [];
  for (const [contractId, unlessProtected] of flattens) merged.push({ kind: 'flatten', contractId, unlessProtected });
  for (const [contractId, targetSize] of reduces) if (!flattens.has(contractId)) merged.push({ kind: 'reduce', contractId, targetSize });
  for (const contractId of cancelAll) if (contractId === null || (!accountCancel && !flattens.has(contractId))) merged.push({ kind: 'cancel-all', contractId });
  for (const action of cancels.values()) {
    const contractId = contractOf(action);
    if (!accountCancel && contractId !== null && !flattens.has(contractId) && !cancelAll.has(contractId)) merged.push(action);
  }
  for (const action of stops.values()) {
    const contractId = contractOf(action);
    if (contractId !== null && !flattens.has(contractId)) merged.push(action);
  }
  return merged.sort(compare);
}

/** Keeps one lock per scope (account, or account + symbol): the longest, a hard lock winning a tie. */
export function mergeLocks(locks: readonly LockRequest[]): LockRequest[] {
  const byScope = new Map<string | null, LockRequest>();
  for (const lock of locks) {
    const known = byScope.get(lock.symbol);
    const longer =
      known === undefined ||
      lockHorizon(lock) > lockHorizon(known) ||
      (lockHorizon(lock) === lockHorizon(known) && lock.kind === 'hard' && known.kind !== 'hard');
    if (longer) byScope.set(lock.symbol, lock);
  }
  return [...byScope.values()];
}
