import { decimalsOf, formatPrice } from '../../src-shared/domain/money';

/** What a price needs of its contract. */
export interface PriceGrid {
  readonly tickSize: number;
}

/**
 * Ticks as the contract writes its prices (`7362.25` for ES); an average between ticks keeps up to
 * three more decimals (`7362.125`) rather than pretending to be on the grid. Without the contract
 * the ticks are printed as ticks (`29449t`), never as a price.
 */
export function formatTicks(ticks: number | null | undefined, contract: PriceGrid | undefined, empty = ''): string {
  if (ticks === null || ticks === undefined || !Number.isFinite(ticks)) return empty;
  if (contract === undefined) return `${Math.round(ticks * 100) / 100}t`;
  if (Number.isInteger(ticks)) return formatPrice(ticks, contract.tickSize);
  const decimals = decimalsOf(contract.tickSize);
  const precise = (ticks * contract.tickSize).toFixed(Math.min(12, decimals + 3));
  const trimmed = precise.replace(/0+$/, '');
  const point = trimmed.indexOf('.');
  return point >= 0 && trimmed.length - point - 1 >= decimals ? trimmed : (ticks * contract.tickSize).toFixed(decimals);
}
