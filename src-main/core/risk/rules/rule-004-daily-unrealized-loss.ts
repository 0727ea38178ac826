import { eventContractId, money, offStatus, positionOpen, ruleLabel, totalOpenCents, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/**
 * RULE-004: open P&L from live quotes at or below -limit. Per position: flatten that position
 * (its working orders go with it). Total: flatten all and, when configured, lock until the roll.
 */
export const dailyUnrealizedLossRule: RiskRule = {
  id: '004',
  name: 'daily unrealized loss',
  runsOn: ['position', 'quote'],
  enabled: (settings) => settings.dailyUnrealizedLoss.enabled,
  evaluate({ state, event, settings }) {
    const config = settings.dailyUnrealizedLoss;
    if (config.scope === 'total') {
      const total = totalOpenCents(state);
      if (total > -config.limitCents) return undefined;
      const message = `${ruleLabel('004')} total unrealized loss ${money(total)} <= ${money(-config.limitCents)}`;
      return {
        ruleId: '004',
        level: 'breach',
        message,
        key: '004|total',
        actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
        lock: config.lock ? { symbol: null, kind: 'hard', ruleId: '004', reason: message, endsAt: state.nextRollAt, condition: null, dayScoped: true } : null,
      };
    }
    const contractId = eventContractId(event);
    const position = contractId === undefined ? undefined : state.positions.get(contractId);
    if (position === undefined) return undefined;
    const open = positionOpen(state, position);
    if (open === undefined || open.cents > -config.limitCents) return undefined;
    const symbol = state.contract(position.contractId).symbol;
    return {
      ruleId: '004',
      level: 'breach',
      message: `${ruleLabel('004')} unrealized loss on ${symbol} ${money(open.cents)} <= ${money(-config.limitCents)}`,
      key: `004|${position.contractId}`,
      actions: [{ kind: 'flatten', contractId: position.contractId, unlessProtected: false }],
      lock: null,
    };
  },
  status(state, settings) {
    const config = settings.dailyUnrealizedLoss;
    if (!config.enabled) return offStatus;
    if (config.scope === 'total') {
      const total = totalOpenCents(state);
      return usageStatus(money(total), money(-config.limitCents), Math.max(0, -total) / config.limitCents);
    }
    let worst = 0;
    for (const position of state.positions.values()) worst = Math.min(worst, positionOpen(state, position)?.cents ?? 0);
    return usageStatus(`${money(worst)} (worst position)`, money(-config.limitCents), -worst / config.limitCents);
  },
};
