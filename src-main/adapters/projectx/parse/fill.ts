import { z } from 'zod';
import { dollarsToCents } from '../../../../src-shared/domain/money';
import type { FillView } from '../../../../src-shared/domain/trading';
import { sideOf } from './enums';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { exactTicks, optionalNumber, parseBrokerTime, wireId, wireInt, wireNumber, wireTimestamp } from './wire';

/** `HalfTradeModel`: one fill. `profitAndLoss` absent or null marks an opening fill. */
export const fillSchema = z.object({
  id: wireId,
  accountId: wireInt,
  contractId: z.string().min(1),
  creationTimestamp: wireTimestamp,
  price: wireNumber,
  profitAndLoss: optionalNumber,
  fees: optionalNumber,
  commissions: optionalNumber,
  side: wireInt,
  size: wireInt.positive(),
  voided: z.boolean().nullish(),
  orderId: wireId,
});

/** A validated fill payload. */
export type FillRecord = z.infer<typeof fillSchema>;

/** Validates one fill payload. */
export function parseFill(payload: unknown): Parsed<FillRecord> {
  return parseWith(fillSchema, payload);
}

/** A fill as a `FillView`: price in ticks (off-grid refused), money in cents, fees plus commissions. */
export function fillView(record: FillRecord, tickSize: number): Parsed<FillView> {
  const side = sideOf(record.side);
  if (side === undefined) return refused(`fill ${record.id} has side ${record.side}`);
  const priceTicks = exactTicks(record.price, tickSize);
  if (priceTicks === undefined) return refused(`fill ${record.id} price ${record.price} is off the ${tickSize} grid`);
  const time = parseBrokerTime(record.creationTimestamp);
  if (time === undefined) return refused(`fill ${record.id} has no time`);
  const realizedCents = record.profitAndLoss === null || record.profitAndLoss === undefined ? null : dollarsToCents(record.profitAndLoss);
  if (record.profitAndLoss !== null && record.profitAndLoss !== undefined && realizedCents === undefined)
    return refused(`fill ${record.id} profitAndLoss is not a finite amount`);
  // A fee that does not parse is refused, never taken as 0 (the day's net and the risk rules would be wrong).
  const fees = dollarsToCents(record.fees ?? 0);
  const commissions = dollarsToCents(record.commissions ?? 0);
  if (fees === undefined) return refused(`fill ${record.id} fees is not a finite amount`);
  if (commissions === undefined) return refused(`fill ${record.id} commissions is not a finite amount`);
  const feesCents = fees + commissions;
  return parsed({
    id: record.id,
    accountId: record.accountId,
    contractId: record.contractId,
    orderId: record.orderId,
    side,
    size: record.size,
    priceTicks,
    realizedCents: realizedCents ?? null,
    feesCents,
    voided: record.voided ?? false,
    time,
  });
}
