import type { ProductSpec } from './product-catalogue';

/** Fees charged per side per contract, in cents. */
export interface FeeSchedule {
  /** The all-in fee (`HalfTradeModel.fees` per contract). */
  feeCents(spec: ProductSpec): number;
  /** Commission reported apart (`HalfTradeModel.commissions` per contract); zero when fees include it. */
  commissionCents(spec: ProductSpec): number;
}

/** Overrides per CME symbol, dollars per side per contract, e.g. `{ ES: 1.4 }`. */
export type FeeTable = Readonly<Record<string, number>>;

/**
 * The catalogue's fees (ProjectX round turns split per side, commissions included), with any
 * overrides. `commissions` adds a separate commission line, as some TopstepX plans show.
 */
export function createFeeSchedule(fees: FeeTable = {}, commissions: FeeTable = {}): FeeSchedule {
  const cents = (table: FeeTable, spec: ProductSpec): number | undefined => {
    const dollars = table[spec.symbol];
    return dollars === undefined ? undefined : Math.round(dollars * 100);
  };
  return {
    feeCents: (spec) => cents(fees, spec) ?? spec.feeCents,
    commissionCents: (spec) => cents(commissions, spec) ?? 0,
  };
}
