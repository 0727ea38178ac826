import { z } from 'zod';
import type { OrderView } from '../../../../src-shared/domain/trading';
import { orderStatusOf, orderTypeOf, sideOf } from './enums';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { averageTicks, exactTicks, optionalNumber, parseBrokerTime, wireId, wireInt, wireTimestamp } from './wire';

/**
 * `OrderModel` as a possibly partial update: only `id` is required, because stream updates may
 * carry just the fields that changed. Unknown fields are dropped; absent and null mean the same
 * for a full order, while for a merge an absent field keeps its cached value.
 */
export const orderUpdateSchema = z.object({
  id: wireId,
  accountId: wireInt.optional(),
  contractId: z.string().min(1).optional(),
  symbolId: z.string().nullish(),
  creationTimestamp: wireTimestamp.optional(),
  updateTimestamp: wireTimestamp.nullish(),
  status: wireInt.optional(),
  type: wireInt.optional(),
  side: wireInt.optional(),
  size: wireInt.nonnegative().optional(),
  limitPrice: optionalNumber,
  stopPrice: optionalNumber,
  fillVolume: wireInt.nullish(),
  filledPrice: optionalNumber,
  customTag: z.string().nullish(),
  trailDistance: optionalNumber,
  trailPrice: optionalNumber,
  parentOrderId: wireId.nullish(),
  linkedOrderId: wireId.nullish(),
});

/** An order as the adapter caches it: every field merged from the updates seen so far. */
export type OrderRecord = z.infer<typeof orderUpdateSchema>;

/** Validates one order payload (full or partial). */
export function parseOrderUpdate(payload: unknown): Parsed<OrderRecord> {
  return parseWith(orderUpdateSchema, payload);
}

/** Whether a merged record has every field an `OrderView` needs. */
export function isCompleteOrder(record: OrderRecord): boolean {
  return (
    record.accountId !== undefined &&
    record.contractId !== undefined &&
    record.type !== undefined &&
    record.side !== undefined &&
    record.size !== undefined &&
    record.status !== undefined &&
    record.creationTimestamp !== undefined
  );
}

/** A complete order record as an `OrderView`, prices in ticks of `tickSize`. */
export function orderView(record: OrderRecord, tickSize: number): Parsed<OrderView> {
  const { id, accountId, contractId, creationTimestamp } = record;
  if (accountId === undefined || contractId === undefined || creationTimestamp === undefined) return refused(`order ${id} is incomplete`);
  const type = orderTypeOf(record.type ?? -1);
  const side = sideOf(record.side ?? -1);
  const status = orderStatusOf(record.status ?? -1);
  if (type === undefined || side === undefined || status === undefined) return refused(`order ${id} has an unknown type, side or status`);
  if (record.size === undefined) return refused(`order ${id} has no size`);
  const limitTicks = optionalTicks(record.limitPrice, tickSize);
  const stopTicks = optionalTicks(record.stopPrice, tickSize);
  if (limitTicks === undefined || stopTicks === undefined) return refused(`order ${id} has a price off the ${tickSize} grid`);
  const createdAt = parseBrokerTime(creationTimestamp);
  if (createdAt === undefined) return refused(`order ${id} has no creation time`);
  const averageFill = record.filledPrice === null || record.filledPrice === undefined ? null : averageTicks(record.filledPrice, tickSize);
  return parsed({
    id,
    accountId,
    contractId,
    type,
    side,
    size: record.size,
    status,
    limitTicks,
    stopTicks,
    trailTicks: type === 'trailing-stop' ? trailDistanceTicks(record, tickSize) : null,
    filledSize: record.fillVolume ?? 0,
    averageFillTicks: averageFill ?? null,
    customTag: record.customTag ?? null,
    parentOrderId: record.parentOrderId ?? null,
    linkedOrderId: record.linkedOrderId ?? null,
    createdAt,
    updatedAt: (record.updateTimestamp === null || record.updateTimestamp === undefined ? undefined : parseBrokerTime(record.updateTimestamp)) ?? createdAt,
  });
}

/** Null for no price, ticks for an on-grid one, undefined for an off-grid one. */
function optionalTicks(price: number | null | undefined, tickSize: number): number | null | undefined {
  if (price === null || price === undefined) return null;
  return exactTicks(price, tickSize);
}

// Searches report the trail as a distance: `trailDistance` in ticks (signed) and `trailPrice` in price units.
function trailDistanceTicks(record: OrderRecord, tickSize: number): number | null {
  if (record.trailDistance !== null && record.trailDistance !== undefined && Number.isInteger(record.trailDistance)) return Math.abs(record.trailDistance);
  if (record.trailPrice !== null && record.trailPrice !== undefined) return exactTicks(Math.abs(record.trailPrice), tickSize) ?? null;
  return null;
}
