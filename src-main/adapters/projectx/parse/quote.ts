import { z } from 'zod';
import type { EpochMs } from '../../../../src-shared/domain/ids';
import type { QuoteView } from '../../../../src-shared/domain/trading';
import { mergeRecord } from './merge';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { exactTicks, optionalNumber, parseBrokerTime, wireTimestamp } from './wire';

/**
 * `GatewayQuote` data. Only the first quote after subscribing is complete; later ones carry the
 * changed fields only, so every field is optional and updates merge into the last quote.
 */
export const quoteUpdateSchema = z.object({
  symbol: z.string().nullish(),
  lastPrice: optionalNumber,
  bestBid: optionalNumber,
  bestAsk: optionalNumber,
  volume: optionalNumber,
  lastUpdated: wireTimestamp.nullish(),
  timestamp: wireTimestamp.nullish(),
});

/** A quote as merged from its updates. */
export type QuoteRecord = z.infer<typeof quoteUpdateSchema>;

/** Validates one quote payload. */
export function parseQuoteUpdate(payload: unknown): Parsed<QuoteRecord> {
  return parseWith(quoteUpdateSchema, payload);
}

/**
 * Merges a delta into the previous quote and converts the result. Refused (and then not to be
 * stored) when a price is off the grid, so one bad delta never poisons the merged quote.
 */
export function mergeQuote(
  contractId: string,
  previous: QuoteRecord | undefined,
  update: QuoteRecord,
  tickSize: number,
  receivedAt: EpochMs,
): Parsed<{ readonly record: QuoteRecord; readonly view: QuoteView }> {
  const record = mergeRecord(previous, update);
  const bidTicks = priceTicks(record.bestBid, tickSize);
  const askTicks = priceTicks(record.bestAsk, tickSize);
  const lastTicks = priceTicks(record.lastPrice, tickSize);
  if (bidTicks === undefined || askTicks === undefined || lastTicks === undefined)
    return refused(`quote of ${contractId} has a price off the ${tickSize} grid`);
  // lastUpdated is the quote's time; timestamp is the last trade's, which may be days old.
  const time = timeOf(update.lastUpdated) ?? timeOf(update.timestamp) ?? receivedAt;
  const volume = record.volume === null || record.volume === undefined ? null : record.volume;
  return parsed({ record, view: { contractId, bidTicks, askTicks, lastTicks, volume, time } });
}

function priceTicks(price: number | null | undefined, tickSize: number): number | null | undefined {
  if (price === null || price === undefined) return null;
  return exactTicks(price, tickSize);
}

function timeOf(text: string | null | undefined): EpochMs | undefined {
  return text === null || text === undefined ? undefined : parseBrokerTime(text);
}
