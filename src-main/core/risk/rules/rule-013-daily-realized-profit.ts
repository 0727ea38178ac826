import { dayNetCents, money, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/** RULE-013: the day's realized P&L net of fees at or above the target: flatten, cancel, lock until the roll. */
export const dailyRealizedProfitRule: RiskRule = {
  id: '013',
  name: 'daily realized profit',
  runsOn: ['trade'],
  enabled: (settings) => settings.dailyRealizedProfit.enabled,
  evaluate({ state, settings }) {
    const net = dayNetCents(state);
    const target = settings.dailyRealizedProfit.targetCents;
    if (net < target) return undefined;
    const message = `${ruleLabel('013')} daily realized profit ${money(net)} >= ${money(target)}`;
    return {
      ruleId: '013',
      level: 'breach',
      message,
      key: `013|${state.day.day}`,
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { symbol: null, kind: 'hard', ruleId: '013', reason: message, endsAt: state.nextRollAt, condition: null, dayScoped: true },
    };
  },
  status(state, settings) {
    if (!settings.dailyRealizedProfit.enabled) return offStatus;
    const net = dayNetCents(state);
    return usageStatus(money(net), money(settings.dailyRealizedProfit.targetCents), Math.max(0, net) / settings.dailyRealizedProfit.targetCents);
  },
};
