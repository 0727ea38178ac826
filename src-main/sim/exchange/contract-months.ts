import { businessDayAtOrBefore, businessDaysBefore, dayNumberOf, weekdayOf } from '../../../src-shared/exchange';
import { productByRoot, type ProductSpec } from './product-catalogue';

/** CME month codes, January first. */
export const monthCodes = 'FGHJKMNQUVXZ';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One delivery month of a product; `month` runs 1-12. */
export interface ContractMonth {
  readonly year: number;
  readonly month: number;
}

/** A contract id taken apart. */
export interface ParsedContractId {
  readonly spec: ProductSpec;
  readonly contractMonth: ContractMonth;
}

function monthCode(month: number): string {
  return monthCodes.charAt(month - 1);
}

/** The gateway id, e.g. `CON.F.US.EP.Z26` (two-digit year). */
export function contractIdOf(spec: ProductSpec, contractMonth: ContractMonth): string {
  return `CON.F.US.${spec.root}.${monthCode(contractMonth.month)}${String(contractMonth.year % 100).padStart(2, '0')}`;
}

/** The display name the API returns, e.g. `ESZ6` (one-digit year). */
export function contractNameOf(spec: ProductSpec, contractMonth: ContractMonth): string {
  return `${spec.symbol}${monthCode(contractMonth.month)}${contractMonth.year % 10}`;
}

/** The position's `contractDisplayName`, e.g. `ESZ26` (two-digit year, as the stream sends it). */
export function contractDisplayNameOf(spec: ProductSpec, contractMonth: ContractMonth): string {
  return `${spec.symbol}${monthCode(contractMonth.month)}${String(contractMonth.year % 100).padStart(2, '0')}`;
}

/** The description, e.g. `E-Mini S&P 500: December 2026`. */
export function contractDescriptionOf(spec: ProductSpec, contractMonth: ContractMonth): string {
  return `${spec.title}: ${monthNames[contractMonth.month - 1] ?? ''} ${contractMonth.year}`;
}

/**
 * Parses `CON.F.US.<root>.<month code><2-digit year>` for a known root and a month the product
 * lists; years read as 20YY. Null for anything else.
 */
export function parseContractId(id: string): ParsedContractId | null {
  const match = /^CON\.F\.US\.([A-Z0-9]+)\.([FGHJKMNQUVXZ])(\d{2})$/.exec(id);
  if (match === null) return null;
  const spec = productByRoot(match[1] ?? '');
  const code = match[2] ?? '';
  if (spec === undefined || !spec.listedMonths.includes(code)) return null;
  return { spec, contractMonth: { year: 2000 + Number(match[3]), month: monthCodes.indexOf(code) + 1 } };
}

function thirdWeekday(year: number, month: number, weekday: number): number {
  const first = dayNumberOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 14;
}

function lastDayOfMonthBefore(contractMonth: ContractMonth): number {
  return dayNumberOf(contractMonth.year, contractMonth.month, 1) - 1;
}

/**
 * The first trade date on which the next month is the active contract:
 * - index and FX quarterlies: the Thursday eight days before the third-Friday expiry;
 * - crude: a week before the last trade date (three business days before the 25th of the prior month);
 * - gold and treasuries: three business days before the prior month ends (ahead of first notice).
 * Exchange holidays are not skipped here; a day either way does not matter to the simulator.
 */
export function rollDayOf(spec: ProductSpec, contractMonth: ContractMonth): number {
  switch (spec.roll) {
    case 'index-quarterly':
      return thirdWeekday(contractMonth.year, contractMonth.month, 5) - 8;
    case 'crude-monthly': {
      const twentyFifth = dayNumberOf(contractMonth.year, contractMonth.month - 1, 25);
      return businessDaysBefore(businessDayAtOrBefore(twentyFifth), 3) - 7;
    }
    case 'metal-bimonthly':
    case 'treasury-quarterly':
      return businessDaysBefore(businessDayAtOrBefore(lastDayOfMonthBefore(contractMonth)), 3);
  }
}

/** The active (front) contract month of a product on a trade date. */
export function frontMonthOf(spec: ProductSpec, tradeDate: number): ContractMonth {
  const date = new Date(tradeDate * 86_400_000);
  let year = date.getUTCFullYear();
  let month = date.getUTCMonth() + 1;
  for (let step = 0; step < 36; step += 1) {
    if (spec.activeMonths.includes(monthCode(month))) {
      const candidate = { year, month };
      if (tradeDate < rollDayOf(spec, candidate)) return candidate;
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  throw new Error(`no front month found for ${spec.symbol}`);
}

/** Whether two contract months are the same. */
export function sameContractMonth(left: ContractMonth, right: ContractMonth): boolean {
  return left.year === right.year && left.month === right.month;
}
