import { z } from 'zod';
import type { EpochMs } from '../../../../src-shared/domain/ids';
import type { TapeTrade } from '../../../../src-shared/domain/trading';
import { sideOf } from './enums';
import { describeIssues } from './parsed';
import { exactTicks, parseBrokerTime, wireInt, wireNumber, wireTimestamp } from './wire';

/** One `GatewayTrade` print; `type` is the aggressor (TradeLogType 0 buy, 1 sell). */
export const printSchema = z.object({
  price: wireNumber,
  timestamp: wireTimestamp.nullish(),
  type: wireInt,
  volume: wireNumber.nonnegative(),
});

/** The prints a payload held, and why any were skipped. */
export interface TapeBatch {
  readonly trades: TapeTrade[];
  readonly skipped: string[];
}

/** Reads a `GatewayTrade` payload: an array (usual) or one object (the docs); nulls are skipped. */
export function tapeTrades(contractId: string, data: unknown, tickSize: number, receivedAt: EpochMs): TapeBatch {
  const trades: TapeTrade[] = [];
  const skipped: string[] = [];
  for (const item of Array.isArray(data) ? data : [data]) {
    if (item === null || item === undefined) continue;
    const print = printSchema.safeParse(item);
    if (!print.success) {
      skipped.push(describeIssues(print.error));
      continue;
    }
    const priceTicks = exactTicks(print.data.price, tickSize);
    const side = sideOf(print.data.type);
    if (priceTicks === undefined || side === undefined) {
      skipped.push(`print at ${print.data.price} (type ${print.data.type}) is off the grid or has no side`);
      continue;
    }
    const time = (print.data.timestamp === null || print.data.timestamp === undefined ? undefined : parseBrokerTime(print.data.timestamp)) ?? receivedAt;
    trades.push({ contractId, priceTicks, size: print.data.volume, side, time });
  }
  return { trades, skipped };
}
