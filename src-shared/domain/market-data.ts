import type { ContractId } from './ids';
import type { Ticks } from './money';
import type { BarUnit, BarView } from './trading';

/** One price level of a book side. */
export interface BookLevel {
  readonly priceTicks: Ticks;
  readonly size: number;
}

/** The order book of one contract, best levels first. */
export interface DepthView {
  readonly contractId: ContractId;
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

/** A changed live bar of one series. */
export interface BarUpdate {
  readonly contractId: ContractId;
  readonly unit: BarUnit;
  readonly unitNumber: number;
  readonly bar: BarView;
}
