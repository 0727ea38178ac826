import { dayNetCents, money, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/** RULE-003: the day's realized P&L net of fees at or below -limit: flatten, cancel, hard lock until the roll. */
export const dailyRealizedLossRule: RiskRule = {
  id: '003',
  name: 'daily realized loss',
  runsOn: ['trade'],
  enabled: (settings) => settings.dailyRealizedLoss.enabled,
  evaluate({ state, settings }) {
    const net = dayNetCents(state);
    const limit = settings.dailyRealizedLoss.limitCents;
    if (net > -limit) return undefined;
    const message = `${ruleLabel('003')} daily realized loss ${money(net)} <= ${money(-limit)}`;
    return {
      ruleId: '003',
      level: 'breach',
      message,
      key: `003|${state.day.day}`,
      actions: [{ kind: 'flatten-all' }, { kind: 'cancel-all', contractId: null }],
      lock: { symbol: null, kind: 'hard', ruleId: '003', reason: message, endsAt: state.nextRollAt, condition: null, dayScoped: true },
    };
  },
  status(state, settings) {
    if (!settings.dailyRealizedLoss.enabled) return offStatus;
    const net = dayNetCents(state);
    const limit = settings.dailyRealizedLoss.limitCents;
    return usageStatus(money(net), money(-limit), Math.max(0, -net) / limit);
  },
};
