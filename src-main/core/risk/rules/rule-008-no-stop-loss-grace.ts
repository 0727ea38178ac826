import type { PositionView } from '../../../../src-shared/domain/trading';
import { eventContractId, offStatus, protectiveStops, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskAction, RiskRule } from './rule-types';

/**
 * RULE-008: a position still without a protective stop (a stop, stop-limit or trailing order on
 * the closing side) once the grace period after it opened has passed: flatten it. Enforcement
 * re-reads the open orders over REST first, so a stop placed in another app spares it.
 */
export const noStopLossGraceRule: RiskRule = {
  id: '008',
  name: 'no stop-loss grace',
  runsOn: ['order', 'position', 'clock'],
  enabled: (settings) => settings.noStopLossGrace.enabled,
  evaluate({ state, event, settings, now }) {
    const graceMs = settings.noStopLossGrace.graceMs;
    const contractId = eventContractId(event);
    const candidates: PositionView[] = [];
    if (contractId !== undefined) {
      const position = state.positions.get(contractId);
      if (position !== undefined) candidates.push(position);
    } else if (event.kind === 'clock') {
      candidates.push(...state.positions.values());
    }
    // A position being flattened or reversed on purpose loses its stop just ahead of the close: not naked.
    const naked = candidates.filter(
      (position) => now >= position.openedAt + graceMs && protectiveStops(state, position).length === 0 && !state.closing(position.contractId),
    );
    if (naked.length === 0) return undefined;
    const symbols = naked.map((position) => state.contract(position.contractId).symbol).join(', ');
    const actions: RiskAction[] = naked.map((position) => ({ kind: 'flatten', contractId: position.contractId, unlessProtected: true }));
    return {
      ruleId: '008',
      level: 'breach',
      message: `${ruleLabel('008')} no stop-loss on ${symbols} ${Math.round(graceMs / 1000)} s after it opened`,
      key: `008|${naked.map((position) => `${position.contractId}@${position.openedAt}`).join(',')}`,
      actions,
      lock: null,
    };
  },
  status(state, settings, now) {
    if (!settings.noStopLossGrace.enabled) return offStatus;
    const naked = [...state.positions.values()].filter((position) => protectiveStops(state, position).length === 0);
    if (naked.length === 0) return usageStatus(state.positions.size === 0 ? 'flat' : 'all protected', `${settings.noStopLossGrace.graceMs / 1000} s`, 0);
    const oldest = Math.min(...naked.map((position) => position.openedAt));
    const elapsed = Math.max(0, now - oldest);
    return usageStatus(
      `${naked.length} without stop (${Math.round(elapsed / 1000)} s)`,
      `${settings.noStopLossGrace.graceMs / 1000} s`,
      elapsed / settings.noStopLossGrace.graceMs,
    );
  },
};
