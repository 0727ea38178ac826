import type { ErrorCode } from '../../../../src-shared/result';

/** One endpoint's business error codes (docs/projectx-gateway.md §3: the numbers mean different things per endpoint). */
export type EndpointErrors = Readonly<Record<number, readonly [ErrorCode, string]>>;

const rejected = 'broker-rejected' as const;
const missing = 'not-found' as const;
const refusedLogin = 'unauthorized' as const;

/** `Auth/loginKey` (LoginErrorCode). */
export const loginErrors: EndpointErrors = {
  1: [refusedLogin, 'UserNotFound'],
  2: [refusedLogin, 'PasswordVerificationFailed'],
  3: [refusedLogin, 'InvalidCredentials'],
  4: [refusedLogin, 'AppNotFound'],
  5: [refusedLogin, 'AppVerificationFailed'],
  6: [refusedLogin, 'InvalidDevice'],
  7: [refusedLogin, 'AgreementsNotSigned'],
  8: [rejected, 'UnknownError'],
  9: [refusedLogin, 'ApiSubscriptionNotFound'],
  10: [refusedLogin, 'ApiKeyAuthenticationDisabled'],
};

/** `Auth/validate` (ValidateErrorCode). */
export const validateErrors: EndpointErrors = {
  1: [refusedLogin, 'InvalidSession'],
  2: [refusedLogin, 'SessionNotFound'],
  3: [refusedLogin, 'ExpiredToken'],
  4: [rejected, 'UnknownError'],
};

/** Searches keyed by account: 1 AccountNotFound. */
export const accountSearchErrors: EndpointErrors = { 1: [missing, 'AccountNotFound'] };

/** `Contract/searchById`. */
export const contractByIdErrors: EndpointErrors = { 1: [missing, 'ContractNotFound'] };

/** `Order/searchById`. */
export const orderByIdErrors: EndpointErrors = { 1: [missing, 'OrderNotFound'] };

/** `History/retrieveBars`. */
export const barsErrors: EndpointErrors = {
  1: [missing, 'ContractNotFound'],
  2: ['invalid-request', 'UnitInvalid'],
  3: ['invalid-request', 'UnitNumberInvalid'],
  4: ['invalid-request', 'LimitInvalid'],
};

/** `Order/place` (PlaceOrderErrorCode). */
export const placeErrors: EndpointErrors = {
  1: [missing, 'AccountNotFound'],
  2: [rejected, 'OrderRejected'],
  3: [rejected, 'InsufficientFunds'],
  4: [rejected, 'AccountViolation'],
  5: [rejected, 'OutsideTradingHours'],
  6: [rejected, 'OrderPending'],
  7: [rejected, 'UnknownError'],
  8: [missing, 'ContractNotFound'],
  9: [rejected, 'ContractNotActive'],
  10: [rejected, 'AccountRejected'],
};

/** `Order/modify` (ModifyOrderErrorCode). */
export const modifyErrors: EndpointErrors = {
  1: [missing, 'AccountNotFound'],
  2: [missing, 'OrderNotFound'],
  3: [rejected, 'Rejected'],
  4: [rejected, 'Pending'],
  5: [rejected, 'UnknownError'],
  6: [rejected, 'AccountRejected'],
  7: [missing, 'ContractNotFound'],
};

/** `Order/cancel` (CancelOrderErrorCode). */
export const cancelErrors: EndpointErrors = {
  1: [missing, 'AccountNotFound'],
  2: [missing, 'OrderNotFound'],
  3: [rejected, 'Rejected'],
  4: [rejected, 'Pending'],
  5: [rejected, 'UnknownError'],
  6: [rejected, 'AccountRejected'],
};

/** `Position/closeContract`. */
export const closeErrors: EndpointErrors = {
  1: [missing, 'AccountNotFound'],
  2: [missing, 'PositionNotFound'],
  3: [missing, 'ContractNotFound'],
  4: [rejected, 'ContractNotActive'],
  5: [rejected, 'OrderRejected'],
  6: [rejected, 'OrderPending'],
  7: [rejected, 'UnknownError'],
  8: [rejected, 'AccountRejected'],
};

/** `Position/partialCloseContract`: numbered differently from closeContract from 5 on. */
export const partialCloseErrors: EndpointErrors = {
  1: [missing, 'AccountNotFound'],
  2: [missing, 'PositionNotFound'],
  3: [missing, 'ContractNotFound'],
  4: [rejected, 'ContractNotActive'],
  5: ['invalid-request', 'InvalidCloseSize'],
  6: [rejected, 'OrderRejected'],
  7: [rejected, 'OrderPending'],
  8: [rejected, 'UnknownError'],
  9: [rejected, 'AccountRejected'],
};
