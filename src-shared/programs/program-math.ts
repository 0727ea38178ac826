import type { ScalingTier } from './topstep-programs';

/**
 * The arithmetic of Topstep's program rules (docs/risk-rules.md §11), in integer cents.
 */

/**
 * The maximum loss limit's floor: the best end-of-day balance minus the drawdown, never above the
 * starting balance (it stops trailing there for good). 50K, $2,000: a +$500 day → $48,500; a later
 * −$500 day leaves it; +$2,500 more → $50,000.
 */
export function trailingFloorCents(startingBalanceCents: number, drawdownCents: number, peakEndOfDayCents: number | null): number {
  const peak = Math.max(peakEndOfDayCents ?? startingBalanceCents, startingBalanceCents);
  return Math.min(peak - drawdownCents, startingBalanceCents);
}

/** The best end-of-day balance after a series of end-of-day balances (the floor's input). */
export function peakAfter(startingBalanceCents: number, endOfDayBalances: readonly number[]): number {
  return endOfDayBalances.reduce((peak, balance) => Math.max(peak, balance), startingBalanceCents);
}

/**
 * The Express Funded maximum position for an end-of-day profit: the highest tier whose threshold
 * the profit is above (the first tier always applies). It never rises intraday: pass the profit at
 * the last close.
 */
export function scalingLots(tiers: readonly ScalingTier[], endOfDayProfitCents: number): number {
  let lots = tiers[0]?.lots ?? 0;
  for (const tier of tiers) if (tier.aboveProfitCents === 0 || endOfDayProfitCents > tier.aboveProfitCents) lots = Math.max(lots, tier.lots);
  return lots;
}

/** The next scaling tier above the current one and the profit still needed to pass its threshold, or null at the top. */
export function nextScalingTier(
  tiers: readonly ScalingTier[],
  endOfDayProfitCents: number,
): { lots: number; aboveProfitCents: number; distanceCents: number } | null {
  const current = scalingLots(tiers, endOfDayProfitCents);
  const next = tiers.find((tier) => tier.lots > current && tier.aboveProfitCents > 0);
  return next === undefined ? null : { lots: next.lots, aboveProfitCents: next.aboveProfitCents, distanceCents: next.aboveProfitCents - endOfDayProfitCents };
}

/**
 * The consistency rule's allowance for today: the share of the profit target minus the best day so
 * far (today included), never below zero. `binds` when it is smaller than what is left to the
 * target: reaching the target today would break the rule.
 */
export function consistencyAllowance(
  share: number,
  profitTargetCents: number,
  bestDayCents: number,
  totalProfitCents: number,
): { allowanceCents: number; binds: boolean } {
  const allowanceCents = Math.max(0, Math.round(share * profitTargetCents) - Math.max(0, bestDayCents));
  const toTarget = Math.max(0, profitTargetCents - totalProfitCents);
  return { allowanceCents, binds: allowanceCents < toTarget };
}
