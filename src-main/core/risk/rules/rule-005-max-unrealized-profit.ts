import { eventContractId, money, offStatus, positionOpen, ruleLabel, totalOpenCents, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/** RULE-005: open profit at or above the target: take it (per position), or flatten all and lock (total). */
export const maxUnrealizedProfitRule: RiskRule = {
  id: '005',
  name: 'max unrealized profit',
  runsOn: ['position', 'quote'],
  enabled: (settings) => settings.maxUnrealizedProfit.enabled,
  evaluate({ state, event, settings }) {
    const config = settings.maxUnrealizedProfit;
    if (config.scope === 'total') {
      const total = totalOpenCents(state);
      if (total < config.targetCents) return undefined;
      const message = `${ruleLabel('005')} total unrealized profit ${money(total)} >= ${money(config.targetCents)}`;
      return {
        ruleId: '005',
        level: 'breach',
        message,
        key: '005|total',
        actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
        lock: config.lock ? { symbol: null, kind: 'hard', ruleId: '005', reason: message, endsAt: state.nextRollAt, condition: null, dayScoped: true } : null,
      };
    }
    const contractId = eventContractId(event);
    const position = contractId === undefined ? undefined : state.positions.get(contractId);
    if (position === undefined) return undefined;
    const open = positionOpen(state, position);
    if (open === undefined || open.cents < config.targetCents) return undefined;
    const symbol = state.contract(position.contractId).symbol;
    return {
      ruleId: '005',
      level: 'breach',
      message: `${ruleLabel('005')} unrealized profit on ${symbol} ${money(open.cents)} >= ${money(config.targetCents)}`,
      key: `005|${position.contractId}`,
      actions: [{ kind: 'flatten', contractId: position.contractId, unlessProtected: false }],
      lock: null,
    };
  },
  status(state, settings) {
    const config = settings.maxUnrealizedProfit;
    if (!config.enabled) return offStatus;
    if (config.scope === 'total') {
      const total = totalOpenCents(state);
      return usageStatus(money(total), money(config.targetCents), Math.max(0, total) / config.targetCents);
    }
    let best = 0;
    for (const position of state.positions.values()) best = Math.max(best, positionOpen(state, position)?.cents ?? 0);
    return usageStatus(`${money(best)} (best position)`, money(config.targetCents), best / config.targetCents);
  },
};
