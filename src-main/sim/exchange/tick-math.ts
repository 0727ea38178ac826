import type { ProductSpec } from './product-catalogue';

/**
 * Prices cross the seam as numbers on the tick grid; inside they are integer ticks. These are the
 * only conversions, and money is integer cents.
 */

// A price is on the grid when it is within this fraction of a tick of a grid point (float noise only).
const gridTolerance = 1e-6;

/** The whole number of ticks of an on-grid price, or null when the price is off the grid. */
export function priceToTicks(spec: ProductSpec, price: number): number | null {
  if (!Number.isFinite(price)) return null;
  const ticks = Math.round(price / spec.tickSize);
  return Math.abs(ticks - price / spec.tickSize) <= gridTolerance ? ticks : null;
}

/** The nearest grid point of any price, in ticks. */
export function nearestTicks(spec: ProductSpec, price: number): number {
  return Math.round(price / spec.tickSize);
}

/** A tick count as a price, printed exactly (no `0.30000000000000004`). */
export function ticksToPrice(spec: ProductSpec, ticks: number): number {
  return Number((ticks * spec.tickSize).toFixed(spec.tickDecimals));
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
