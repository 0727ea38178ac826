import { money, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/**
 * RULE-007: one closing trade (every fill of the closing order together, before fees, as the
 * trade list shows it) loses at least a tier: a cooldown of the most severe tier reached. No flatten.
 */
export const cooldownAfterLossRule: RiskRule = {
  id: '007',
  name: 'cooldown after loss',
  runsOn: ['trade'],
  enabled: (settings) => settings.cooldownAfterLoss.enabled,
  evaluate({ state, event, settings, now }) {
    if (event.kind !== 'trade' || event.fill.realizedCents === null) return undefined;
    const trade = state.day.closingOrderCents(event.fill.orderId);
    const tier = settings.cooldownAfterLoss.tiers.filter((candidate) => -trade >= candidate.lossCents).at(-1);
    if (tier === undefined) return undefined;
    const start = event.replay ? event.fill.time : now;
    const endsAt = start + tier.seconds * 1000;
    if (endsAt <= now) return undefined;
    const message = `${ruleLabel('007')} cooldown after loss ${money(trade)} <= ${money(-tier.lossCents)}`;
    return {
      ruleId: '007',
      level: 'breach',
      message,
      key: `007|${event.fill.orderId}|${tier.lossCents}`,
      actions: [],
      lock: { symbol: null, kind: 'cooldown', ruleId: '007', reason: message, endsAt, condition: null, dayScoped: false },
    };
  },
  status(_state, settings) {
    const config = settings.cooldownAfterLoss;
    if (!config.enabled) return offStatus;
    const tiers = config.tiers.map((tier) => `${money(-tier.lossCents)}: ${Math.round(tier.seconds / 60)} min`).join(', ');
    return usageStatus('-', tiers || 'no tiers', null);
  },
};
