import { z } from 'zod';
import type { PositionView } from '../../../../src-shared/domain/trading';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { averageTicks, parseBrokerTime, wireInt, wireNumber, wireTimestamp } from './wire';

const longType = 1;
const shortType = 2;

/** `PositionModel`: size is always positive, direction is in `type`; a close is `size: 0`. */
export const positionSchema = z.object({
  id: wireInt,
  accountId: wireInt,
  contractId: z.string().min(1),
  creationTimestamp: wireTimestamp,
  type: wireInt,
  size: wireInt.nonnegative(),
  averagePrice: wireNumber,
});

/** A validated position payload. */
export type PositionRecord = z.infer<typeof positionSchema>;

/** Validates one position payload. */
export function parsePosition(payload: unknown): Parsed<PositionRecord> {
  return parseWith(positionSchema, payload);
}

/** A position as a `PositionView`: signed size (short < 0), 0 when flat, average in (maybe fractional) ticks. */
export function positionView(record: PositionRecord, tickSize: number): Parsed<PositionView> {
  let size: number;
  if (record.size === 0) size = 0;
  else if (record.type === longType) size = record.size;
  else if (record.type === shortType) size = -record.size;
  else return refused(`position ${record.id} has size ${record.size} but type ${record.type}`);
  const average = averageTicks(record.averagePrice, tickSize);
  if (average === undefined) return refused(`position ${record.id} has no usable average price`);
  return parsed({
    accountId: record.accountId,
    contractId: record.contractId,
    size,
    averageTicks: average,
    openedAt: parseBrokerTime(record.creationTimestamp) ?? 0,
  });
}
