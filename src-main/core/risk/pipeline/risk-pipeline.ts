import type { RiskSettings } from '../config/risk-settings';
import type { LockRequest, RiskLock } from '../lockouts/risk-lock';
import { eventContractId, ruleLabel } from '../rules/rule-helpers';
import { rulesByEvent } from '../rules/rule-table';
import type { AccountRiskState, Breach, RiskAction, RiskEvent } from '../rules/rule-types';
import { mergeActions, mergeLocks } from './merge-actions';

/** What one event produced: the breaches found, and the merged actions and locks to apply. */
export interface PipelineOutcome {
  readonly breaches: readonly Breach[];
  readonly actions: readonly RiskAction[];
  readonly locks: readonly LockRequest[];
}

/** What the pipeline reads besides the event. */
export interface PipelineInput {
  readonly state: AccountRiskState;
  readonly event: RiskEvent;
  readonly settings: RiskSettings;
  readonly now: number;
  /** The most restrictive lock covering the account and (when given) a symbol. */
  readonly lockFor: (symbol: string | undefined) => RiskLock | undefined;
}

const nothing: PipelineOutcome = { breaches: [], actions: [], locks: [] };

/**
 * A cooldown comes from a fill (rules 006, 007) whose own position update may arrive just after it;
 * for this long that update is not "new exposure while locked" (those rules never flatten).
 */
export const cooldownSettleMs = 2000;

/** True when the event shows new exposure: a position that grew or flipped, or a fill that added to one. */
export function addsExposure(state: AccountRiskState, event: RiskEvent): boolean {
  if (event.kind === 'position') {
    const { size } = event.position;
    return size !== 0 && (Math.abs(size) > Math.abs(event.previousSize) || Math.sign(size) !== Math.sign(event.previousSize));
  }
  if (event.kind === 'trade') {
    const position = state.positions.get(event.fill.contractId);
    return position !== undefined && (event.fill.side === 'buy') === position.size > 0;
  }
  return false;
}

/**
 * One event through the rules (docs/risk-rules.md §1, steps 2-3), synchronously and without side
 * effects: a locked account or symbol that takes new exposure is flattened at once and nothing
 * else runs; otherwise every enabled rule routed to the event runs, and their actions and locks
 * are merged. The same state and event always give the same outcome.
 */
export function runPipeline(input: PipelineInput): PipelineOutcome {
  const { state, event, settings, now } = input;
  const contractId = eventContractId(event);
  if (contractId !== undefined && addsExposure(state, event)) {
    const lock = input.lockFor(state.contract(contractId).symbol);
    if (lock !== undefined && !(lock.kind === 'cooldown' && now - lock.startedAt < cooldownSettleMs)) {
      const breach: Breach = {
        ruleId: lock.ruleId,
        level: 'breach',
        message: `${ruleLabel(lock.ruleId)} new exposure in ${state.contract(contractId).symbol} while locked (${lock.reason})`,
        key: `lock|${lock.id}|${contractId}`,
        actions: [{ kind: 'flatten', contractId, unlessProtected: false }],
        lock: null,
      };
      return { breaches: [breach], actions: breach.actions, locks: [] };
    }
  }
  const rules = rulesByEvent.get(event.kind);
  if (rules === undefined) return nothing;
  let breaches: Breach[] | undefined;
  const ruleInput = { state, event, settings, now };
  for (const rule of rules) {
    if (!rule.enabled(settings)) continue;
    const breach = rule.evaluate(ruleInput);
    if (breach !== undefined) (breaches ??= []).push(breach);
  }
  if (breaches === undefined) return nothing;
  return {
    breaches,
    actions: mergeActions(breaches.flatMap((breach) => breach.actions)),
    locks: mergeLocks(breaches.flatMap((breach) => (breach.lock === null ? [] : [breach.lock]))),
  };
}
