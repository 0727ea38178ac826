import { decimalsOf, nearestTicks, priceToTicks, ticksToPrice } from '../../../src-shared/domain/money';

/** Snaps a price (from a mouse position or typed text) to the nearest tick, in ticks. */
export function snapToTicks(price: number, tickSize: number): number {
  return nearestTicks(price, tickSize);
}

/** Reads a typed price; undefined when it is not a number or not on the tick grid. */
export function parsePriceText(text: string, tickSize: number): number | undefined {
  const trimmed = text.trim().replace(/,/g, '');
  if (!/^-?\d*(\.\d*)?$/.test(trimmed) || trimmed === '' || trimmed === '.' || trimmed === '-') return undefined;
  return priceToTicks(Number(trimmed), tickSize);
}

/** The decimal price the contract expects for a number of ticks (what orders.place takes). */
export function ticksToWirePrice(ticks: number, tickSize: number): number {
  return ticksToPrice(ticks, tickSize);
}

/** Number of decimals a price of this contract is written with. */
export function priceDecimals(tickSize: number): number {
  return Math.min(12, decimalsOf(tickSize));
}

/** Keeps a count within bounds and whole (sizes, tick distances). */
export function clampWhole(value: number, minimum: number, maximum: number): number {
  if (!Number.isFinite(value)) return minimum;
  return Math.min(maximum, Math.max(minimum, Math.round(value)));
}
