import { z } from 'zod';
import { parseTimestamp } from './timestamps';

/**
 * Schemas of the request bodies, as strict as ASP.NET's model binding: numbers must be numbers,
 * integers integers, timestamps parseable. Unknown fields are ignored; a null optional field reads as absent.
 */

const integer = z.number().int();
const timestamp = z.string().refine((text) => parseTimestamp(text) !== null, { message: 'Invalid input: expected an ISO-8601 timestamp' });
const bracket = z.object({ ticks: integer, type: integer });

/** `Account/search` (an endpoint without error codes: a missing body reads as all accounts). */
export const accountSearchSchema = z.object({ onlyActiveAccounts: z.boolean().nullish() }).nullish();

/** `Contract/search`. */
export const contractSearchSchema = z.object({ searchText: z.string().nullish(), live: z.boolean().nullish() }).nullish();

/** `Contract/searchById`. */
export const contractByIdSchema = z.object({ contractId: z.string() });

/** `Contract/available`. */
export const availableContractsSchema = z.object({ live: z.boolean().nullish() }).nullish();

/** `History/retrieveBars`. */
export const retrieveBarsSchema = z.object({
  contractId: z.string(),
  live: z.boolean().nullish(),
  startTime: timestamp,
  endTime: timestamp,
  unit: integer,
  unitNumber: integer,
  limit: integer,
  includePartialBar: z.boolean().nullish(),
});

/** `Order/place`. The legacy `linkedOrderId` is accepted and ignored. */
export const placeOrderSchema = z.object({
  accountId: integer,
  contractId: z.string(),
  type: integer,
  side: integer,
  size: integer,
  limitPrice: z.number().nullish(),
  stopPrice: z.number().nullish(),
  trailPrice: z.number().nullish(),
  customTag: z.string().nullish(),
  stopLossBracket: bracket.nullish(),
  takeProfitBracket: bracket.nullish(),
});

/** A parsed `Order/place` body. */
export type PlaceOrderRequest = z.infer<typeof placeOrderSchema>;

/** `Order/modify`. */
export const modifyOrderSchema = z.object({
  accountId: integer,
  orderId: integer,
  size: integer.nullish(),
  limitPrice: z.number().nullish(),
  stopPrice: z.number().nullish(),
  trailPrice: z.number().nullish(),
});

/** A parsed `Order/modify` body. */
export type ModifyOrderRequest = z.infer<typeof modifyOrderSchema>;

/** `Order/cancel`. */
export const cancelOrderSchema = z.object({ accountId: integer, orderId: integer });

/** `Order/search` and `Trade/search` (the spec makes the trade search's start optional). */
export const searchWindowSchema = z.object({ accountId: integer, startTimestamp: timestamp, endTimestamp: timestamp.nullish() });

/** `Trade/search`. */
export const tradeSearchSchema = z.object({ accountId: integer, startTimestamp: timestamp.nullish(), endTimestamp: timestamp.nullish() });

/** `Order/searchOpen`, `Position/searchOpen`. */
export const accountOnlySchema = z.object({ accountId: integer });

/** `Order/searchById`. */
export const orderByIdSchema = z.object({ accountId: integer, orderId: integer });

/** `Order/v2/query`. */
export const queryOrdersSchema = z.object({
  filter: z.object({
    accountId: integer,
    statuses: z.array(integer).nullish(),
    contractId: z.string().nullish(),
    createdAfter: timestamp.nullish(),
    createdBefore: timestamp.nullish(),
  }),
  pageSize: integer.min(1).max(100).nullish(),
  pageOffset: integer.min(0).nullish(),
  sortBy: z.union([z.literal(0), z.literal(1)]).nullish(),
  sortDirection: z.union([z.literal(0), z.literal(1)]).nullish(),
  includeTotalCount: z.boolean().nullish(),
});

/** `Position/closeContract`. */
export const closeContractSchema = z.object({ accountId: integer, contractId: z.string() });

/** `Position/partialCloseContract`. */
export const partialCloseSchema = z.object({ accountId: integer, contractId: z.string(), size: integer });

/** Control: create or update an account. */
export const upsertAccountSchema = z.object({
  id: integer.min(1).max(2_147_483_647).nullish(),
  name: z.string().min(1),
  balance: z.number().finite(),
  canTrade: z.boolean().nullish(),
  isVisible: z.boolean().nullish(),
  simulated: z.boolean().nullish(),
  bracketMode: z.enum(['auto-oco', 'position']).nullish(),
  live: z.boolean().nullish(),
  follower: z.boolean().nullish(),
});

/** A body that failed its schema: the first offending field and a message naming it. */
export interface InvalidBody {
  readonly field: string;
  readonly message: string;
}

/** Parses a body, or names the first field that is wrong. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly invalid: InvalidBody } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
  return { ok: false, invalid: { field, message: `Invalid request: ${field}: ${issue?.message ?? 'invalid'}` } };
}
