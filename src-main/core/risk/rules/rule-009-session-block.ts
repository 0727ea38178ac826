import type { ContractId } from '../../../../src-shared/domain/ids';
import { formatLocal } from '../../../../src-shared/exchange';
import { eventContractId, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { AccountRiskState, RiskRule } from './rule-types';

/** The contracts of an account with exposure (positions and working orders). */
function exposedContracts(state: AccountRiskState): Set<ContractId> {
  const contracts = new Set<ContractId>(state.positions.keys());
  for (const order of state.workingOrders.values()) contracts.add(order.contractId);
  return contracts;
}

/**
 * RULE-009: exposure outside the allowed session (default 17:00-15:10 CT Sunday to Friday, minus
 * CME holiday closures and early halts), including from the session end minus the margin: flatten
 * all, cancel all, lock until the session opens again. Before the trade, it refuses new exposure in
 * a closed session.
 */
export const sessionBlockRule: RiskRule = {
  id: '009',
  name: 'session block',
  runsOn: ['position', 'clock'],
  enabled: (settings) => settings.session.enabled,
  evaluate({ state, event, now, settings }) {
    const contractId = eventContractId(event);
    const contracts =
      event.kind === 'position' ? (contractId !== undefined && state.positions.has(contractId) ? [contractId] : []) : [...exposedContracts(state)];
    let opensAt = 0;
    const closed: string[] = [];
    for (const contract of contracts) {
      const facts = state.contract(contract);
      const session = state.session.state(now, facts.group);
      if (session.tradable) continue;
      if (!closed.includes(facts.symbol)) closed.push(facts.symbol);
      opensAt = Math.max(opensAt, session.opensAt);
    }
    if (closed.length === 0) return undefined;
    const message = `${ruleLabel('009')} session closed for ${closed.join(', ')} until ${formatLocal(opensAt, settings.session.timeZone)}`;
    return {
      ruleId: '009',
      level: 'breach',
      message,
      key: `009|${opensAt}`,
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: {
        symbol: null,
        kind: 'hard',
        ruleId: '009',
        reason: `${ruleLabel('009')} session closed for ${closed.join(', ')}`,
        endsAt: opensAt,
        condition: null,
        dayScoped: false,
      },
    };
  },
  preTrade({ state, settings, order, symbol, now }) {
    const session = state.session.state(now, state.contract(order.contractId).group);
    return session.tradable
      ? undefined
      : `${ruleLabel('009')} the session is closed for ${symbol} until ${formatLocal(session.opensAt, settings.session.timeZone)}`;
  },
  status(state, settings, now) {
    if (!settings.session.enabled) return offStatus;
    const session = state.session.state(now, 'equity');
    const zone = settings.session.timeZone;
    if (session.tradable && session.flattenAt !== null) return usageStatus('open', `flatten at ${formatLocal(session.flattenAt, zone)}`, 0);
    return usageStatus('closed', `opens ${formatLocal(session.opensAt, zone)}`, null);
  },
};
