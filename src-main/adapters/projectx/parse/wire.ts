import { z } from 'zod';
import type { EpochMs } from '../../../../src-shared/domain/ids';
import { priceToTicks, type Ticks } from '../../../../src-shared/domain/money';

/** An int64 id from the broker: above 2^31 in production, safe as a JS number below 2^53. */
export const wireId = z.number().int().nonnegative();
/** An int32 count or code. */
export const wireInt = z.number().int();
/** A decimal price or amount. */
export const wireNumber = z.number();
/** A number that may be absent or null (the stream drops nulls, REST prints them). */
export const optionalNumber = wireNumber.nullish();

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/i;
// .NET writes "no time" as 0001-01-01; anything before the epoch is treated as unknown.
const earliestMeaningful = 0;

/**
 * Parses a broker timestamp (ISO-8601 with 0-9 fractional digits, `Z` or an offset; no zone is
 * read as UTC). Returns undefined for malformed text and for .NET's default `0001-01-01`.
 * Precision beyond milliseconds is dropped, so never compare the texts themselves.
 */
export function parseBrokerTime(text: string): EpochMs | undefined {
  if (!isoInstant.test(text)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const epoch = Date.parse(zoned);
  if (!Number.isFinite(epoch) || epoch < earliestMeaningful) return undefined;
  return epoch;
}

/** A timestamp field: text that `parseBrokerTime` accepts (the .NET default included). */
export const wireTimestamp = z.string().refine((text) => isoInstant.test(text), 'is not an ISO-8601 date-time');

/** Ticks of a price that must sit on the grid; undefined when it does not. */
export function exactTicks(price: number, tickSize: number): Ticks | undefined {
  return priceToTicks(price, tickSize);
}

/**
 * Ticks of an average price, which may fall between ticks (two fills at 10 and 11 ticks average
 * 10.5): exact when on the grid, else the quotient kept to six decimals.
 */
export function averageTicks(price: number, tickSize: number): number | undefined {
  if (!Number.isFinite(price) || !(tickSize > 0)) return undefined;
  const exact = priceToTicks(price, tickSize);
  if (exact !== undefined) return exact;
  return Math.round((price / tickSize) * 1e6) / 1e6;
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
