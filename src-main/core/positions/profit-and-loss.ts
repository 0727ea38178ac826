import type { Cents } from '../../../src-shared/domain/money';
import type { ContractView, PositionView, QuoteView } from '../../../src-shared/domain/trading';

/** Open P&L of one position at the last price. */
export interface OpenProfit {
  /** Price move in ticks in the position's favour (fractional when the average is). */
  readonly ticks: number;
  readonly cents: Cents;
  readonly markTicks: number | null;
}

/**
 * Marks a position to the last trade (or, without one, the side it would close on). Cents are
 * rounded once, at the end: average prices may be fractional ticks.
 */
export function openProfit(position: PositionView, contract: ContractView, quote: QuoteView | undefined): OpenProfit {
  const mark = quote === undefined ? null : (quote.lastTicks ?? (position.size > 0 ? quote.bidTicks : quote.askTicks));
  if (mark === null) return { ticks: 0, cents: 0, markTicks: null };
  const direction = Math.sign(position.size);
  const ticks = (mark - position.averageTicks) * direction;
  const cents = Math.round(ticks * Math.abs(position.size) * contract.tickValueCents);
  return { ticks, cents, markTicks: mark };
}
