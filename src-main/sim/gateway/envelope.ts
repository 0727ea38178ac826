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
const decimalKeys = ['price', 'averagePrice', 'limitPrice', 'stopPrice', 'filledPrice', 'o', 'h', 'l', 'c', 'profitAndLoss'];
// A key followed by a number. Inside a JSON string every quote is escaped, so `"key":` can only be a real key.
const decimalMember = new RegExp(`"(${decimalKeys.join('|')})":(-?\\d[\\d.eE+-]*)`, 'g');

/**
 * Serialises a REST body. With `nineDecimals`, price fields are written like the docs' samples
 * (`6335.250000000`): still JSON numbers, so any client parses them the same.
 */
export function restJson(body: unknown, nineDecimals: boolean): string {
  const text = JSON.stringify(body);
  if (!nineDecimals) return text;
  return text.replace(decimalMember, (member: string, key: string, number: string) => {
    const value = Number(number);
    return Math.abs(value) < 1e15 ? `"${key}":${value.toFixed(9)}` : member;
  });
}
