/**
 * Expected failures travel as values, never as exceptions across IPC or the WebSocket.
 * Bugs throw; cancellations are their own code.
 */

/** Every error code a contract call can return. */
export const errorCodes = [
  'invalid-request',
  'unknown-channel',
  'unauthorized',
  'not-connected',
  'not-found',
  'timeout',
  /** An order command still queued at its deadline: dropped, never sent to the broker. */
  'not-sent',
  /** An order command that may have reached the broker without an answer by its deadline: an `orders.resolved` event follows. */
  'unknown-outcome',
  'cancelled',
  'risk-denied',
  'broker-rejected',
  'too-large',
  'internal',
] as const;

/** A typed error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** An expected failure: a code, a human message and, for bad input, the field at fault. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  /** With `unknown-outcome`: the client tag of the order (a place), which the later `orders.resolved` event names. */
  readonly customTag?: string;
  /** With `unknown-outcome` of a modify or cancel: the order, which the later `orders.resolved` event names. */
  readonly orderId?: number;
}

/** The outcome of every contract call. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: ErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** True when a string is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
