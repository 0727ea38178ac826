import { nearestTicks as nearestGridTicks, priceToTicks as gridTicks, ticksToPrice as gridPrice } from '../../../src-shared/domain/money';
import type { ProductSpec } from './product-catalogue';

/**
 * Prices cross the seam as numbers on the tick grid; inside they are integer ticks. These are the
 * only conversions, and money is integer cents.
 */

// The grid is the terminal's own (src-shared/domain/money): simulator and terminal agree on what is on it.

/** The whole number of ticks of an on-grid price, or null when the price is off the grid. */
export function priceToTicks(spec: ProductSpec, price: number): number | null {
  return gridTicks(price, spec.tickSize) ?? null;
}

/** The nearest grid point of any price, in ticks. */
export function nearestTicks(spec: ProductSpec, price: number): number {
  return nearestGridTicks(price, spec.tickSize);
}

/** A tick count as a price, printed exactly (no `0.30000000000000004`). */
export function ticksToPrice(spec: ProductSpec, ticks: number): number {
  return gridPrice(ticks, spec.tickSize);
}

/** A fractional tick count (an average) as a price, kept to nine decimals like the gateway prints. */
export function averageTicksToPrice(spec: ProductSpec, ticks: number): number {
  return Number((ticks * spec.tickSize).toFixed(9));
}

/** Money for a move of `tickDelta` ticks on `quantity` contracts, in cents (half a cent rounds away from zero). */
export function ticksToCents(spec: ProductSpec, tickDelta: number, quantity: number): number {
  const millicents = tickDelta * quantity * spec.tickValueMillicents;
  return Math.sign(millicents) * Math.round(Math.abs(millicents) / 1000);
}

/** Cents as a dollar number for the models. */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

/** A dollar amount as whole cents. */
export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}
