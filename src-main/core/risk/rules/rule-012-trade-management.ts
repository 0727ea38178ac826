import { managedStop, ruleManagement } from '../../protection/managed-stop';
import { offStatus, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/**
 * RULE-012 (automation, not enforcement): break-even and the trail for positions without a bracket
 * template of their own. The protection engine moves the stops (one implementation with the
 * templates' break-even and trailing); the rule only reports how many positions it manages.
 */
export const tradeManagementRule: RiskRule = {
  id: '012',
  name: 'trade management',
  runsOn: [],
  enabled: (settings) => settings.tradeManagement.enabled,
  evaluate() {
    return undefined;
  },
  status(state, settings) {
    const config = settings.tradeManagement;
    if (!config.enabled) return offStatus;
    const management = ruleManagement(config);
    const managed = [...state.positions.values()].filter(
      (position) => managedStop(position, state.bestTicks.get(position.contractId) ?? position.averageTicks, management) !== undefined,
    );
    return usageStatus(
      `${managed.length} of ${state.positions.size} managed`,
      `BE +${config.breakEvenAfterTicks}t, trail ${config.trailDistanceTicks}t after +${config.trailAfterTicks}t`,
      null,
    );
  },
};
