import { z } from 'zod';
import { dollarsToCents } from '../../../../src-shared/domain/money';
import type { AccountView } from '../../../../src-shared/domain/trading';
import { parseWith, parsed, refused, type Parsed } from './parsed';
import { wireInt, wireNumber } from './wire';

/** `TradingAccountModel` as a possibly partial update: only `id` is required. */
export const accountUpdateSchema = z.object({
  id: wireInt,
  name: z.string().optional(),
  balance: wireNumber.optional(),
  canTrade: z.boolean().optional(),
  isVisible: z.boolean().optional(),
  simulated: z.boolean().nullish(),
});

/** An account as the adapter caches it (fields merged from every update). */
export type AccountRecord = z.infer<typeof accountUpdateSchema>;

/** Validates one account payload. */
export function parseAccountUpdate(payload: unknown): Parsed<AccountRecord> {
  return parseWith(accountUpdateSchema, payload);
}

/** A merged account as an `AccountView`; name and balance must be known. */
export function accountView(record: AccountRecord): Parsed<AccountView> {
  if (record.name === undefined || record.balance === undefined) return refused(`account ${record.id} lacks name or balance`);
  const balanceCents = dollarsToCents(record.balance);
  if (balanceCents === undefined) return refused(`account ${record.id} balance is not finite`);
  return parsed({
    id: record.id,
    name: record.name,
    balanceCents,
    canTrade: record.canTrade ?? false,
    isVisible: record.isVisible ?? true,
    // The docs' sample omits it; every TopstepX account seen so far is simulated.
    simulated: record.simulated ?? false,
  });
}
