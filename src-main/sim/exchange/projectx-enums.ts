/** ProjectX numeric enums (docs/projectx-gateway.md §4), named so the code reads as the protocol does. */

/** `OrderType`. */
export const orderType = { unknown: 0, limit: 1, market: 2, stopLimit: 3, stop: 4, trailingStop: 5, joinBid: 6, joinAsk: 7 } as const;

/** `OrderSide`: 0 buys (bid), 1 sells (ask). */
export const orderSide = { buy: 0, sell: 1 } as const;

/** `OrderStatus`. */
export const orderStatus = {
  none: 0,
  open: 1,
  filled: 2,
  cancelled: 3,
  expired: 4,
  rejected: 5,
  pending: 6,
  pendingCancellation: 7,
  suspended: 8,
} as const;

/** `PositionType`. */
export const positionType = { undefined: 0, long: 1, short: 2 } as const;

/** `TradeLogType`: the aggressor of a market print. */
export const aggressor = { buy: 0, sell: 1 } as const;

/** `DomType`. */
export const domType = {
  unknown: 0,
  ask: 1,
  bid: 2,
  bestAsk: 3,
  bestBid: 4,
  trade: 5,
  reset: 6,
  low: 7,
  high: 8,
  newBestBid: 9,
  newBestAsk: 10,
  fill: 11,
} as const;

/** `AggregateBarUnit` values the exchange serves (7 Tick is unconfirmed and refused). */
export const barUnit = { second: 1, minute: 2, hour: 3, day: 4, week: 5, month: 6 } as const;

/** Order statuses after which nothing changes. */
export const finalStatuses: ReadonlySet<number> = new Set([orderStatus.filled, orderStatus.cancelled, orderStatus.expired, orderStatus.rejected]);
