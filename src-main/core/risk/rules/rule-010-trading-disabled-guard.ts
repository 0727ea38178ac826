import { offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/**
 * RULE-010: the broker reports `canTrade = false`: flatten all, cancel all, and lock until it
 * reports `canTrade = true` again (the manager lifts the condition lock on that account event).
 */
export const tradingDisabledGuardRule: RiskRule = {
  id: '010',
  name: 'trading disabled guard',
  runsOn: ['account'],
  enabled: (settings) => settings.tradingDisabledGuard.enabled,
  evaluate({ state }) {
    const account = state.account;
    if (account === undefined || account.canTrade) return undefined;
    const message = `${ruleLabel('010')} the broker reports canTrade = false for ${account.name}`;
    return {
      ruleId: '010',
      level: 'breach',
      message,
      key: '010',
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { symbol: null, kind: 'condition', ruleId: '010', reason: message, endsAt: null, condition: 'trading-enabled', dayScoped: false },
    };
  },
  status(state, settings) {
    if (!settings.tradingDisabledGuard.enabled) return offStatus;
    const canTrade = state.account?.canTrade;
    return usageStatus(canTrade === undefined ? 'unknown' : canTrade ? 'can trade' : 'trading disabled', 'canTrade = true', canTrade === false ? 1 : 0);
  },
};
