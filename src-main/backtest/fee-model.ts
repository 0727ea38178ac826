import type { ContractView } from '../../src-shared/domain/trading';
import { createFeeSchedule } from '../sim/exchange/fee-schedule';
import { productCatalogue } from '../sim/exchange/product-catalogue';

const schedule = createFeeSchedule();

/**
 * Fees per side per contract in cents, as the simulator charges them (ProjectX round turns split
 * per side, commission included); 0 for a product the simulator does not list.
 */
export function simulatorFeeCents(contract: ContractView): number {
  const spec = productCatalogue.find((product) => product.symbol === contract.symbol);
  return spec === undefined ? 0 : schedule.feeCents(spec) + schedule.commissionCents(spec);
}
