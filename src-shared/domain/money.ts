/**
 * Prices are integer ticks of the contract's tick size; money is cents, exact (see `Cents`). These
 * helpers convert at the edges (broker payloads in, display out) and never round silently.
 */

/** Integer number of ticks. */
export type Ticks = number;
/**
 * Cents, exact to a thousandth of a cent: whole for every price and balance, and exact for tick
 * values that are not whole cents (ZN's $15.625 tick is 1562.5; a quarter-tick bond 781.25). Such
 * values are binary fractions, so sums and products of them stay exact; display rounds to cents.
 */
export type Cents = number;

/** Decimal places needed to write a tick size exactly (0.25 -> 2, 0.0078125 -> 7, 5e-7 -> 7). */
export function decimalsOf(value: number): number {
  const text = value.toString();
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent !== null) {
    const mantissa = text.slice(0, text.indexOf('e'));
    const mantissaDecimals = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
    return Number(exponent[1]) + mantissaDecimals;
  }
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/** A tick size as integers: prices times `scale` are whole numbers, one tick is `scaledTick` of them. */
interface TickGrid {
  readonly decimals: number;
  readonly scale: number;
  readonly scaledTick: number;
}

// Contracts use a handful of tick sizes; bar and quote conversions run per price, so each grid is worked out once.
const grids = new Map<number, TickGrid>();

function gridOf(tickSize: number): TickGrid {
  let grid = grids.get(tickSize);
  if (grid === undefined) {
    const decimals = Math.min(12, decimalsOf(tickSize));
    const scale = 10 ** decimals;
    grid = { decimals, scale, scaledTick: Math.round(tickSize * scale) };
    if (grids.size < 256) grids.set(tickSize, grid);
  }
  return grid;
}

/**
 * Converts a decimal price to ticks. Returns undefined when the price is not on the tick grid
 * (beyond float noise far below a tick), so callers can reject it instead of rounding.
 */
export function priceToTicks(price: number, tickSize: number): Ticks | undefined {
  if (!Number.isFinite(price) || !(tickSize > 0)) return undefined;
  // Scale both to integers first so 6335.25 / 0.25 is computed without binary fractions.
  const { scale, scaledTick } = gridOf(tickSize);
  const scaledPrice = Math.round(price * scale);
  // Only float noise is forgiven: a price with more decimals than the tick size (7700.004 on a
  // 0.25 grid) is off the grid, not rounded onto it.
  if (Math.abs(price * scale - scaledPrice) > Math.max(1e-9, Math.abs(scaledPrice) * 1e-12)) return undefined;
  if (scaledPrice % scaledTick !== 0) return undefined;
  return scaledPrice / scaledTick;
}

/** Rounds a decimal price to the nearest tick (for display input, never for broker payloads). */
export function nearestTicks(price: number, tickSize: number): Ticks {
  const { scale, scaledTick } = gridOf(tickSize);
  return Math.round(Math.round(price * scale) / scaledTick);
}

/** Converts ticks back to a decimal price, written with the tick size's decimals. */
export function ticksToPrice(ticks: Ticks, tickSize: number): number {
  const { decimals, scale, scaledTick } = gridOf(tickSize);
  const scaled = ticks * scaledTick;
  // Whole numbers divided by a power of ten round to the same double as the decimal text would.
  if (Number.isSafeInteger(scaled)) return scaled / scale;
  return Number((ticks * tickSize).toFixed(decimals));
}

/** Formats ticks as a price string with the tick size's decimals. */
export function formatPrice(ticks: Ticks, tickSize: number): string {
  return (ticks * tickSize).toFixed(gridOf(tickSize).decimals);
}

/** Converts a dollar amount from the broker to cents; undefined when not finite. */
export function dollarsToCents(dollars: number): Cents | undefined {
  if (!Number.isFinite(dollars)) return undefined;
  // Thousandths of a cent: a decimal from the wire (15.625) lands exactly on its binary value.
  return Math.round(dollars * 100_000) / 1000;
}

/** Formats cents as dollars, e.g. -41250 -> "-$412.50". */
export function formatCents(cents: Cents): string {
  const absolute = Math.abs(Math.round(cents));
  const sign = cents < 0 && absolute > 0 ? '-' : '';
  const dollars = Math.floor(absolute / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(absolute % 100).padStart(2, '0')}`;
}

/** Value of a move of `ticks` for `size` contracts, in cents, given the tick value in cents. */
export function ticksToCents(ticks: Ticks, size: number, tickValueCents: Cents): Cents {
  return ticks * size * tickValueCents;
}
