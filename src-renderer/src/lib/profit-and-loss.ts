import type { ContractView, PositionView } from '../../../src-shared/domain/trading';

/** A position's open profit or loss at a price. */
export interface OpenProfit {
  /** Ticks per contract in the position's favour (negative when losing). */
  readonly ticks: number;
  readonly cents: number;
}

/**
 * Open P&L of a position at a mark: ticks in the position's favour per contract (one decimal when
 * the average entry is fractional) and cents for the whole position, rounded to the cent.
 */
export function openProfit(
  position: Pick<PositionView, 'size' | 'averageTicks'>,
  markTicks: number,
  contract: Pick<ContractView, 'tickValueCents'>,
): OpenProfit {
  const direction = Math.sign(position.size);
  const ticks = (markTicks - position.averageTicks) * direction;
  return { ticks: Math.round(ticks * 10) / 10, cents: Math.round(ticks * Math.abs(position.size) * contract.tickValueCents) };
}

/** Dollar risk or reward of a bracket: distance in ticks × size × tick value, in cents. */
export function bracketCents(distanceTicks: number, size: number, tickValueCents: number): number {
  return Math.round(distanceTicks * size * tickValueCents);
}

/** Realized ticks per contract of a closing fill from its realized cents. */
export function realizedTicks(realizedCents: number, size: number, tickValueCents: number): number {
  if (size === 0 || tickValueCents === 0) return 0;
  return Math.round((realizedCents / (size * tickValueCents)) * 10) / 10;
}

/** `+12 t` / `-3.5 t`, signed so a glance tells the direction. */
export function formatTicks(ticks: number): string {
  const sign = ticks > 0 ? '+' : ticks < 0 ? '-' : '';
  return `${sign}${Math.abs(ticks)} t`;
}
