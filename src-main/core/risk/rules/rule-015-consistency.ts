import type { Cents } from '../../../../src-shared/domain/money';
import { dayNetCents, money, offStatus, ruleLabel, usageStatus } from './rule-helpers';
import type { AccountRiskState, RiskRule } from './rule-types';

/** The best day and the total over every recorded day. */
export function consistencyFigures(state: AccountRiskState): { bestDay: string | undefined; bestCents: Cents; totalCents: Cents } {
  let bestDay: string | undefined;
  let bestCents = 0;
  let totalCents = 0;
  const visit = (day: string, cents: Cents): void => {
    totalCents += cents;
    if (cents > bestCents) {
      bestCents = cents;
      bestDay = day;
    }
  };
  for (const [day, cents] of state.history.days) if (day !== state.day.day) visit(day, cents);
  visit(state.day.day, dayNetCents(state));
  return { bestDay, bestCents, totalCents };
}

/**
 * True when the consistency rule matters now: with a target (a combine's profit target, an Express
 * Funded account's payout), once the total profit is within reach of it; without one, always.
 */
export function consistencyMatters(totalCents: Cents, targetCents: Cents | null, warnFromShare: number): boolean {
  return targetCents === null || totalCents >= warnFromShare * targetCents;
}

/**
 * RULE-015: the best day's profit above a share of the total profit. A warning only: no lock, and
 * only when it matters (a combine approaching its profit target, an Express Funded account
 * approaching a payout), not after a first small profit.
 */
export const consistencyRule: RiskRule = {
  id: '015',
  name: 'consistency monitor',
  runsOn: ['trade', 'day-roll'],
  enabled: (settings) => settings.consistency.enabled,
  evaluate({ state, settings }) {
    const { bestDay, bestCents, totalCents } = consistencyFigures(state);
    const share = settings.consistency.maxBestDayShare;
    if (bestDay === undefined || totalCents <= 0 || bestCents <= share * totalCents) return undefined;
    if (!consistencyMatters(totalCents, settings.consistency.targetCents, settings.consistency.warnFromShare)) return undefined;
    return {
      ruleId: '015',
      level: 'warning',
      message: `${ruleLabel('015')} best day ${bestDay} ${money(bestCents)} is ${Math.round((bestCents / totalCents) * 100)}% of the total profit ${money(totalCents)} (max ${Math.round(share * 100)}%)`,
      key: `015|${state.day.day}|${bestDay}`,
      actions: [],
      lock: null,
    };
  },
  status(state, settings) {
    if (!settings.consistency.enabled) return offStatus;
    const { bestCents, totalCents } = consistencyFigures(state);
    const share = settings.consistency.maxBestDayShare;
    const ratio = totalCents > 0 ? bestCents / totalCents : 0;
    const matters = consistencyMatters(totalCents, settings.consistency.targetCents, settings.consistency.warnFromShare);
    const status = usageStatus(
      totalCents > 0 ? `${Math.round(ratio * 100)}% of ${money(totalCents)}` : 'no profit yet',
      `${Math.round(share * 100)}%`,
      matters ? ratio / share : 0,
    );
    // A warning-only rule never shows as breached.
    return status.health === 'breached' ? { ...status, health: 'warning' } : status;
  },
};
