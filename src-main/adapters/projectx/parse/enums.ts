import type { BarUnit, OrderSide, OrderStatus, OrderType } from '../../../../src-shared/domain/trading';

/** Broker OrderType codes (docs/projectx-gateway.md §4) by the terminal's order types. */
export const orderTypeCodes: Readonly<Record<OrderType, number>> = {
  limit: 1,
  market: 2,
  'stop-limit': 3,
  stop: 4,
  'trailing-stop': 5,
  'join-bid': 6,
  'join-ask': 7,
};

/** Broker OrderSide codes: 0 Bid (buy), 1 Ask (sell). */
export const sideCodes: Readonly<Record<OrderSide, number>> = { buy: 0, sell: 1 };

/** Broker AggregateBarUnit codes. */
export const barUnitCodes: Readonly<Record<BarUnit, number>> = { second: 1, minute: 2, hour: 3, day: 4, week: 5, month: 6 };

const typesByCode = new Map<number, OrderType>(Object.entries(orderTypeCodes).map(([type, code]) => [code, type as OrderType]));

// 0 None is not a documented live state; it reads as not yet working.
const statusesByCode = new Map<number, OrderStatus>([
  [0, 'pending'],
  [1, 'open'],
  [2, 'filled'],
  [3, 'cancelled'],
  [4, 'expired'],
  [5, 'rejected'],
  [6, 'pending'],
  [7, 'pending-cancel'],
  [8, 'suspended'],
]);

/** The order type of a broker code, or undefined for 0 Unknown and codes not in the spec. */
export function orderTypeOf(code: number): OrderType | undefined {
  return typesByCode.get(code);
}

/** The order status of a broker code. */
export function orderStatusOf(code: number): OrderStatus | undefined {
  return statusesByCode.get(code);
}

/** The side of a broker OrderSide (or TradeLogType: 0 buy, 1 sell). */
export function sideOf(code: number): OrderSide | undefined {
  if (code === 0) return 'buy';
  if (code === 1) return 'sell';
  return undefined;
}

/** Order statuses (broker codes) that are still working, suspended bracket children included. */
export const workingStatusCodes: readonly number[] = [1, 6, 7, 8];
