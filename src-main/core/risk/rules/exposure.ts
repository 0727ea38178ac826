import type { ContractId } from '../../../../src-shared/domain/ids';
import type { OrderSide } from '../../../../src-shared/domain/trading';
import type { RiskSettings } from '../config/risk-settings';
import type { AccountRiskState } from './rule-types';

/** Sizes are counted in thousandths of a contract, so micro weights stay integers. */
export const unit = 1000;

/** An order being checked, counted with the working orders of its side. */
export interface ProspectiveOrder {
  readonly contractId: ContractId;
  readonly side: OrderSide;
  readonly size: number;
}

/** The weight of one lot of a contract, in thousandths of a mini. */
export function lotWeight(state: AccountRiskState, settings: RiskSettings, contractId: ContractId): number {
  return state.contract(contractId).micro ? Math.round(settings.maxContracts.microWeight * unit) : unit;
}

/** The cap of a symbol under rule 002; undefined when it is allowed without a cap. */
export function symbolCap(settings: RiskSettings, symbol: string): number | undefined {
  const own = settings.maxContractsPerInstrument.limits.get(symbol);
  if (own !== undefined) return own;
  const unknown = settings.maxContractsPerInstrument.unknown;
  if (unknown.kind === 'allow') return undefined;
  return unknown.kind === 'block' ? 0 : unknown.cap;
}

interface Book {
  position: number;
  buys: number;
  sells: number;
}

/** Position and working orders per contract, with orders not yet seen as working (and the one being checked) added to their side. */
function books(state: AccountRiskState, orders: readonly ProspectiveOrder[], includeWorking: boolean): Map<ContractId, Book> {
  const result = new Map<ContractId, Book>();
  const book = (contractId: ContractId): Book => {
    let known = result.get(contractId);
    if (known === undefined) {
      known = { position: 0, buys: 0, sells: 0 };
      result.set(contractId, known);
    }
    return known;
  };
  for (const position of state.positions.values()) book(position.contractId).position += position.size;
  if (includeWorking) {
    for (const working of state.workingOrders.values()) {
      // A protective leg only closes: the protection engine keeps the stops, and the targets, each
      // within the position, and cancels the rest when it goes flat. It is not new exposure.
      if (working.cause?.startsWith('bracket:') === true) continue;
      const remaining = working.size - working.filledSize;
      if (working.side === 'buy') book(working.contractId).buys += remaining;
      else book(working.contractId).sells += remaining;
    }
  }
  for (const order of orders) {
    if (order.side === 'buy') book(order.contractId).buys += order.size;
    else book(order.contractId).sells += order.size;
  }
  return result;
}

/**
 * Open contracts across all symbols in thousandths (rule 001): net is |sum of signed sizes|, gross
 * the sum of sizes. With working orders (and orders being checked) each side is counted as if all
 * its orders filled, as TopstepX does, and the worse side counts.
 */
export function accountContracts(state: AccountRiskState, settings: RiskSettings, orders: readonly ProspectiveOrder[] = [], includeWorking = false): number {
  let longNet = 0;
  let shortNet = 0;
  let gross = 0;
  for (const [contractId, book] of books(state, orders, includeWorking)) {
    const weight = lotWeight(state, settings, contractId);
    longNet += (book.position + book.buys) * weight;
    shortNet += (book.position - book.sells) * weight;
    gross += Math.max(Math.abs(book.position + book.buys), Math.abs(book.position - book.sells)) * weight;
  }
  return settings.maxContracts.count === 'gross' ? gross : Math.max(Math.abs(longNet), Math.abs(shortNet));
}

/** Lots of one symbol (every contract month of its root), worse side, optionally with working orders and an order. */
export function symbolContracts(state: AccountRiskState, symbol: string, orders: readonly ProspectiveOrder[] = [], includeWorking = false): number {
  let long = 0;
  let short = 0;
  for (const [contractId, book] of books(state, orders, includeWorking)) {
    if (state.contract(contractId).symbol !== symbol) continue;
    long += book.position + book.buys;
    short += book.position - book.sells;
  }
  return Math.max(Math.abs(long), Math.abs(short));
}

/** Formats thousandths of a contract (`5`, `5.3`). */
export function formatContracts(thousandths: number): string {
  return String(Math.round(thousandths / 10) / 100);
}
