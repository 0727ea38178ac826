import type { OrderView, PositionView } from '../../../../src-shared/domain/trading';
import type { RiskSettings } from '../config/risk-settings';
import { eventContractId, offStatus, positionOpen, protectiveStops, ruleLabel, usageStatus } from './rule-helpers';
import type { RiskRule } from './rule-types';

/**
 * Where the stop of a position should be after its best excursion, or undefined before the first
 * trigger: break-even (+offset) after `breakEvenAfterTicks`, `trailDistanceTicks` behind the best
 * price after `trailAfterTicks`. Rounded away from a loss (the average may be fractional).
 */
export function managedStop(position: PositionView, bestTicks: number, settings: RiskSettings['tradeManagement']): number | undefined {
  const direction = Math.sign(position.size);
  const bestProfit = (bestTicks - position.averageTicks) * direction;
  let target: number | undefined;
  if (bestProfit >= settings.breakEvenAfterTicks) {
    const breakEven = position.averageTicks + direction * settings.breakEvenOffsetTicks;
    target = direction > 0 ? Math.ceil(breakEven) : Math.floor(breakEven);
  }
  if (bestProfit >= settings.trailAfterTicks) {
    const trail = bestTicks - direction * settings.trailDistanceTicks;
    target = target === undefined ? trail : direction > 0 ? Math.max(target, trail) : Math.min(target, trail);
  }
  return target;
}

/** True when `target` is tighter than the stop's current price (never loosen). */
function tightens(stop: OrderView, target: number, direction: number): boolean {
  if (stop.stopTicks === null) return false;
  return direction > 0 ? target > stop.stopTicks : target < stop.stopTicks;
}

/**
 * RULE-012 (automation, not enforcement): moves a position's stop to break-even and then trails it
 * as open profit in ticks crosses the triggers. It never loosens a stop, never moves one through
 * the market, and leaves broker-side trailing stops alone.
 */
export const tradeManagementRule: RiskRule = {
  id: '012',
  name: 'trade management',
  runsOn: ['position', 'quote'],
  enabled: (settings) => settings.tradeManagement.enabled,
  evaluate({ state, event, settings }) {
    const contractId = eventContractId(event);
    const position = contractId === undefined ? undefined : state.positions.get(contractId);
    if (position === undefined) return undefined;
    const best = state.bestTicks.get(position.contractId);
    const open = positionOpen(state, position);
    if (best === undefined || open === undefined || open.markTicks === null) return undefined;
    const target = managedStop(position, best, settings.tradeManagement);
    if (target === undefined) return undefined;
    const direction = Math.sign(position.size);
    // A stop at or through the market would fill at once: wait for the next quote instead.
    if ((target - open.markTicks) * direction >= 0) return undefined;
    const stop = protectiveStops(state, position).find((order) => order.type !== 'trailing-stop' && tightens(order, target, direction));
    if (stop === undefined) return undefined;
    return {
      ruleId: '012',
      level: 'automation',
      message: `${ruleLabel('012')} move the ${state.contract(position.contractId).symbol} stop from ${stop.stopTicks ?? '-'} to ${target} ticks`,
      key: `012|${stop.id}|${target}`,
      actions: [{ kind: 'move-stop', contractId: position.contractId, orderId: stop.id, stopTicks: target }],
      lock: null,
    };
  },
  status(state, settings) {
    const config = settings.tradeManagement;
    if (!config.enabled) return offStatus;
    const managed = [...state.positions.values()].filter((position) => managedStop(position, state.bestTicks.get(position.contractId) ?? position.averageTicks, config) !== undefined);
    return usageStatus(`${managed.length} of ${state.positions.size} managed`, `BE +${config.breakEvenAfterTicks}t, trail ${config.trailDistanceTicks}t after +${config.trailAfterTicks}t`, null);
  },
};
