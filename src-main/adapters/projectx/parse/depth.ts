import { z } from 'zod';
import type { DepthLevel } from '../../../core/ports/broker-port';
import { describeIssues } from './parsed';
import { exactTicks, wireInt, wireNumber } from './wire';

// DomType (docs/projectx-gateway.md §4): which entries set a book level, on which side, and which clear the book.
const askTypes = new Set([1, 3, 10]);
const bidTypes = new Set([2, 4, 9]);
const resetType = 6;

/** One `GatewayDepth` entry. */
export const depthEntrySchema = z.object({
  type: wireInt,
  price: wireNumber,
  volume: wireNumber.nonnegative(),
});

/** The book changes of one payload, and why any entries were skipped. */
export interface DepthBatch {
  /** True when the payload held a `Reset`: the book clears before `levels` apply. */
  readonly reset: boolean;
  readonly levels: DepthLevel[];
  readonly skipped: string[];
}

/**
 * Reads a `GatewayDepth` payload (array or one object; null entries skipped). `Reset` clears the
 * book and drops the levels before it; trade, fill and session high/low entries are not levels.
 */
export function depthChanges(data: unknown, tickSize: number): DepthBatch {
  let reset = false;
  let levels: DepthLevel[] = [];
  const skipped: string[] = [];
  for (const item of Array.isArray(data) ? data : [data]) {
    if (item === null || item === undefined) continue;
    const entry = depthEntrySchema.safeParse(item);
    if (!entry.success) {
      skipped.push(describeIssues(entry.error));
      continue;
    }
    const { type, price, volume } = entry.data;
    if (type === resetType) {
      reset = true;
      levels = [];
      continue;
    }
    const side = askTypes.has(type) ? 'ask' : bidTypes.has(type) ? 'bid' : undefined;
    if (side === undefined) continue;
    const priceTicks = exactTicks(price, tickSize);
    if (priceTicks === undefined) {
      skipped.push(`depth price ${price} is off the ${tickSize} grid`);
      continue;
    }
    levels.push({ side, priceTicks, size: volume });
  }
  return { reset, levels, skipped };
}
