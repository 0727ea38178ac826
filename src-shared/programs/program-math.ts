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

/**
 * How the maximum loss floor trails (a per-account choice: Topstep's guides disagree on which the
 * combine uses). `eod`: the best end-of-day balance (the default); `intraday`: the highest equity
 * (balance plus open P&L) reached at any moment, closes included.
 */
export const floorModes = ['eod', 'intraday'] as const;
export type FloorMode = (typeof floorModes)[number];
/** The default: the floor trails end-of-day balances. */
export const defaultFloorMode: FloorMode = 'eod';
/** How every screen names a floor mode. */
export const floorModeLabels: Readonly<Record<FloorMode, string>> = { eod: 'End of day', intraday: 'Intraday' };

/**
 * The intraday floor: the highest equity reached (balance plus open P&L, or a best close, whichever
 * is higher) minus the drawdown, never above the starting balance. It never moves down, and it is
 * never below the end-of-day floor. 50K, $2,000: +$600 open profit on a day that closes flat →
 * $48,600 (end of day: $48,000).
 */
export function intradayFloorCents(
  startingBalanceCents: number,
  drawdownCents: number,
  peakEndOfDayCents: number | null,
  highestEquityCents: number | null,
): number {
  const peak = Math.max(peakEndOfDayCents ?? startingBalanceCents, highestEquityCents ?? startingBalanceCents);
  return trailingFloorCents(startingBalanceCents, drawdownCents, peak);
}

/** The maximum loss floor in a mode: end-of-day reads only the best close; intraday also the highest equity. */
export function maxLossFloorCents(
  mode: FloorMode,
  startingBalanceCents: number,
  drawdownCents: number,
  peaks: { readonly endOfDayCents: number | null; readonly equityCents: number | null },
): number {
  return mode === 'intraday'
    ? intradayFloorCents(startingBalanceCents, drawdownCents, peaks.endOfDayCents, peaks.equityCents)
    : trailingFloorCents(startingBalanceCents, drawdownCents, peaks.endOfDayCents);
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
