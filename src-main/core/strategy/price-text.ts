import { formatPrice } from '../../../src-shared/domain/money';
import type { ContractView } from '../../../src-shared/domain/trading';

/**
 * A price in ticks as the contract writes it, for decision logs a trader reads: `close 7334.50`,
 * not `close 29338`. A level between ticks (a band, a mean) is written at its nearest tick.
 * Distances stay in ticks (`a stop of 12 ticks`); only prices go through here.
 */
export function priceText(contract: Pick<ContractView, 'tickSize'>, ticks: number): string {
  return formatPrice(Math.round(ticks), contract.tickSize);
}
