/** Each endpoint's own `errorCode` enum (docs/projectx-gateway.md §3); the same number means different things per endpoint. */

/** `PlaceOrderErrorCode`. */
export const placeCode = {
  success: 0,
  accountNotFound: 1,
  orderRejected: 2,
  insufficientFunds: 3,
  accountViolation: 4,
  outsideTradingHours: 5,
  orderPending: 6,
  unknownError: 7,
  contractNotFound: 8,
  contractNotActive: 9,
  accountRejected: 10,
} as const;

/** `ModifyOrderErrorCode`. */
export const modifyCode = {
  success: 0,
  accountNotFound: 1,
  orderNotFound: 2,
  rejected: 3,
  pending: 4,
  unknownError: 5,
  accountRejected: 6,
  contractNotFound: 7,
} as const;

/** `CancelOrderErrorCode`. */
export const cancelCode = { success: 0, accountNotFound: 1, orderNotFound: 2, rejected: 3, pending: 4, unknownError: 5, accountRejected: 6 } as const;

/** `ClosePositionErrorCode` (`Position/closeContract`). */
export const closeCode = {
  success: 0,
  accountNotFound: 1,
  positionNotFound: 2,
  contractNotFound: 3,
  contractNotActive: 4,
  orderRejected: 5,
  orderPending: 6,
  unknownError: 7,
  accountRejected: 8,
} as const;

/** `PartialClosePositionErrorCode` (`Position/partialCloseContract`): numbered differently from close. */
export const partialCloseCode = {
  success: 0,
  accountNotFound: 1,
  positionNotFound: 2,
  contractNotFound: 3,
  contractNotActive: 4,
  invalidCloseSize: 5,
  orderRejected: 6,
  orderPending: 7,
  unknownError: 8,
  accountRejected: 9,
} as const;

/** `RetrieveBarErrorCode`. */
export const barsCode = { success: 0, contractNotFound: 1, unitInvalid: 2, unitNumberInvalid: 3, limitInvalid: 4 } as const;

/** Searches by account (`Order/search`, `searchOpen`, `Position/searchOpen`, `Trade/search`). */
export const searchCode = { success: 0, accountNotFound: 1 } as const;

/** `Order/searchById`. */
export const orderByIdCode = { success: 0, orderNotFound: 1 } as const;

/** `Contract/searchById`. */
export const contractByIdCode = { success: 0, contractNotFound: 1 } as const;

/** The message of an order refused because the market is closed (seen live at a 15:57 CT refusal). */
export const closedMarketMessage = 'Trading is currently unavailable. The instrument is not in an active trading status.';
