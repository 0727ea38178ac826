import type { ExchangeAnswer } from '../exchange/exchange-api';

/**
 * The REST envelope: the payload field(s) first, then `success`, `errorCode`, `errorMessage`.
 * Business failures travel as HTTP 200 with `success: false`; null fields are written explicitly.
 */
export function envelope(payload: Record<string, unknown>, answer: Pick<ExchangeAnswer<unknown>, 'errorCode' | 'errorMessage'>): Record<string, unknown> {
  return { ...payload, success: answer.errorCode === 0, errorCode: answer.errorCode, errorMessage: answer.errorMessage };
}

/** The single payload field of most endpoints: the value on success, null otherwise. */
export function singlePayload(field: string, answer: ExchangeAnswer<unknown>): Record<string, unknown> {
  return { [field]: answer.errorCode === 0 ? (answer.value ?? null) : null };
}

/** An RFC 7807 body, as ASP.NET answers a malformed `/api/Order/v2/query` body. */
export function problemDetails(field: string, message: string): Record<string, unknown> {
  return {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: { [field]: [message] },
  };
}

// Price-like fields the docs print with nine decimals (`6335.250000000`); sizes and volumes stay integers.
const decimalKeys = new Set(['price', 'averagePrice', 'limitPrice', 'stopPrice', 'filledPrice', 'o', 'h', 'l', 'c', 'profitAndLoss']);
const decimalMarker = '\u0000decimal:';
const markedDecimal = /"\\u0000decimal:(-?\d+\.\d+)"/g;

/**
 * Serialises a REST body. With `nineDecimals`, price fields are written like the docs' samples
 * (`6335.250000000`): still JSON numbers, so any client parses them the same.
 */
export function restJson(body: unknown, nineDecimals: boolean): string {
  if (!nineDecimals) return JSON.stringify(body);
  const text = JSON.stringify(body, (key, value: unknown) =>
    typeof value === 'number' && decimalKeys.has(key) && Math.abs(value) < 1e15 ? `${decimalMarker}${value.toFixed(9)}` : value,
  );
  return text.replace(markedDecimal, '$1');
}
