import type { ContractId } from '../../../../src-shared/domain/ids';
import type { RiskSettings } from '../config/risk-settings';
import { accountContracts, formatContracts, lotWeight, unit } from './exposure';
import { offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { AccountRiskState, RiskAction, RiskRule } from './rule-types';

/**
 * The lots to close to bring the account back to the limit: the largest positions first, and in
 * net mode only on the side that carries the excess (closing the other side would raise the net).
 */
export function reductionPlan(state: AccountRiskState, settings: RiskSettings, excess: number): { contractId: ContractId; targetSize: number }[] {
  const signedTotal = [...state.positions.values()].reduce((sum, position) => sum + position.size * lotWeight(state, settings, position.contractId), 0);
  const candidates = [...state.positions.values()]
    .filter((position) => settings.maxContracts.count === 'gross' || Math.sign(position.size) === Math.sign(signedTotal))
    .map((position) => ({ position, weight: lotWeight(state, settings, position.contractId) }))
    .sort((a, b) => Math.abs(b.position.size) * b.weight - Math.abs(a.position.size) * a.weight || a.position.contractId.localeCompare(b.position.contractId));
  const plan: { contractId: ContractId; targetSize: number }[] = [];
  let remaining = excess;
  for (const { position, weight } of candidates) {
    if (remaining <= 0) break;
    const lots = Math.min(Math.abs(position.size), Math.ceil(remaining / weight));
    plan.push({ contractId: position.contractId, targetSize: Math.abs(position.size) - lots });
    remaining -= lots * weight;
  }
  return plan;
}

/** RULE-001: open contracts across all symbols (micros weighted) above the limit. */
export const maxContractsRule: RiskRule = {
  id: '001',
  name: 'max contracts',
  runsOn: ['position'],
  enabled: (settings) => settings.maxContracts.enabled,
  evaluate({ state, settings }) {
    const config = settings.maxContracts;
    const total = accountContracts(state, settings);
    const limit = config.limit * unit;
    if (total <= limit) return undefined;
    const actions: RiskAction[] =
      config.action === 'flatten'
        ? [{ kind: 'flatten-all' }]
        : reductionPlan(state, settings, total - limit).map(({ contractId, targetSize }) =>
            targetSize === 0 ? { kind: 'flatten', contractId, unlessProtected: false } : { kind: 'reduce', contractId, targetSize },
          );
    return {
      ruleId: '001',
      level: 'breach',
      message: `${ruleLabel('001')} max contracts ${formatContracts(total)} (${config.count}) > ${config.limit}`,
      key: `001|${total}`,
      actions,
      lock: null,
    };
  },
  preTrade({ state, settings, pending }) {
    const projected = accountContracts(state, settings, pending, true);
    if (projected <= settings.maxContracts.limit * unit) return undefined;
    return `${ruleLabel('001')} max contracts: this order would bring the account to ${formatContracts(projected)} contracts (${settings.maxContracts.count}, working orders included) > ${settings.maxContracts.limit}`;
  },
  status(state, settings) {
    if (!settings.maxContracts.enabled) return offStatus;
    const total = accountContracts(state, settings);
    const limit = settings.maxContracts.limit;
    return usageStatus(formatContracts(total), `${limit} (${settings.maxContracts.count})`, total / (limit * unit), 'exceed');
  },
};
