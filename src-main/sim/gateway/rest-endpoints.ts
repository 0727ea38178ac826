import { z } from 'zod';
import type { ExchangeAnswer, SimExchange } from '../exchange/exchange-api';
import { singlePayload } from './envelope';

/**
 * The business endpoints of `/api`: path, rate-limit bucket, the body shape that ASP.NET model
 * binding would enforce (a mismatch is a 400), and the exchange call with its payload field(s).
 * Auth endpoints and the ping live in rest-api.ts because they do not reach the exchange.
 *
 * Shapes follow ASP.NET defaults: a wrong JSON type is a 400; a missing non-nullable string is a
 * 400; a missing number or bool binds to its default and reaches the exchange, which answers with
 * the endpoint's own error code.
 */
export interface RestEndpoint {
  readonly bucket: 'bars' | 'other';
  readonly shape: z.ZodType;
  /** `problem` answers a 400 with RFC 7807 ProblemDetails instead of the envelope. */
  readonly badRequest: 'envelope' | 'problem';
  /** The payload field written as null on a 400. */
  readonly payloadField: string | undefined;
  call(exchange: SimExchange, body: unknown): { readonly answer: ExchangeAnswer<unknown>; readonly payload: Record<string, unknown> };
}

const int = z.number().int();
const isoDate = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'is not a date');
const bracket = z.looseObject({ ticks: int.optional(), type: int.optional() });
const accountOnly = z.looseObject({ accountId: int.optional() });
const orderRef = z.looseObject({ accountId: int.optional(), orderId: int.optional() });
const contractRef = z.looseObject({ accountId: int.optional(), contractId: z.string() });
const timeRange = z.looseObject({ accountId: int.optional(), startTimestamp: isoDate.nullish(), endTimestamp: isoDate.nullish() });

function list(field: string, call: (exchange: SimExchange, body: unknown) => ExchangeAnswer<unknown>): RestEndpoint['call'] {
  return (exchange, body) => {
    const answer = call(exchange, body);
    return { answer, payload: singlePayload(field, answer) };
  };
}

function bare(call: (exchange: SimExchange, body: unknown) => ExchangeAnswer<unknown>): RestEndpoint['call'] {
  return (exchange, body) => ({ answer: call(exchange, body), payload: {} });
}

function endpoint(shape: z.ZodType, payloadField: string | undefined, call: RestEndpoint['call'], bucket: RestEndpoint['bucket'] = 'other'): RestEndpoint {
  return { bucket, shape, badRequest: 'envelope', payloadField, call };
}

/** Every business endpoint by path. */
export const restEndpoints: ReadonlyMap<string, RestEndpoint> = new Map<string, RestEndpoint>([
  [
    '/api/Account/search',
    endpoint(
      z.looseObject({ onlyActiveAccounts: z.boolean().optional() }),
      'accounts',
      list('accounts', (x, b) => x.searchAccounts(b)),
    ),
  ],
  [
    '/api/Contract/search',
    endpoint(
      z.looseObject({ searchText: z.string(), live: z.boolean().optional() }),
      'contracts',
      list('contracts', (x, b) => x.searchContracts(b)),
    ),
  ],
  [
    '/api/Contract/searchById',
    endpoint(
      z.looseObject({ contractId: z.string() }),
      'contract',
      list('contract', (x, b) => x.searchContractById(b)),
    ),
  ],
  [
    '/api/Contract/available',
    endpoint(
      z.looseObject({ live: z.boolean().optional() }),
      'contracts',
      list('contracts', (x, b) => x.availableContracts(b)),
    ),
  ],
  [
    '/api/History/retrieveBars',
    endpoint(
      z.looseObject({
        contractId: z.string(),
        live: z.boolean().optional(),
        startTime: isoDate.optional(),
        endTime: isoDate.optional(),
        unit: int.optional(),
        unitNumber: int.optional(),
        limit: int.optional(),
        includePartialBar: z.boolean().optional(),
      }),
      'bars',
      list('bars', (x, b) => x.retrieveBars(b)),
      'bars',
    ),
  ],
  [
    '/api/Order/place',
    endpoint(
      z.looseObject({
        accountId: int.optional(),
        contractId: z.string(),
        type: int.optional(),
        side: int.optional(),
        size: int.optional(),
        limitPrice: z.number().nullish(),
        stopPrice: z.number().nullish(),
        trailPrice: z.number().nullish(),
        customTag: z.string().nullish(),
        stopLossBracket: bracket.nullish(),
        takeProfitBracket: bracket.nullish(),
        linkedOrderId: int.nullish(),
      }),
      'orderId',
      (exchange, body) => {
        const answer = exchange.placeOrder(body);
        return { answer, payload: { orderId: answer.orderId } };
      },
    ),
  ],
  [
    '/api/Order/modify',
    endpoint(
      z.looseObject({
        accountId: int.optional(),
        orderId: int.optional(),
        size: int.nullish(),
        limitPrice: z.number().nullish(),
        stopPrice: z.number().nullish(),
        trailPrice: z.number().nullish(),
      }),
      undefined,
      bare((x, b) => x.modifyOrder(b)),
    ),
  ],
  [
    '/api/Order/cancel',
    endpoint(
      orderRef,
      undefined,
      bare((x, b) => x.cancelOrder(b)),
    ),
  ],
  [
    '/api/Order/search',
    endpoint(
      timeRange,
      'orders',
      list('orders', (x, b) => x.searchOrders(b)),
    ),
  ],
  [
    '/api/Order/searchOpen',
    endpoint(
      accountOnly,
      'orders',
      list('orders', (x, b) => x.searchOpenOrders(b)),
    ),
  ],
  [
    '/api/Order/searchById',
    endpoint(
      orderRef,
      'order',
      list('order', (x, b) => x.searchOrderById(b)),
    ),
  ],
  [
    '/api/Order/v2/query',
    {
      bucket: 'other',
      badRequest: 'problem',
      payloadField: 'orders',
      shape: z.looseObject({
        filter: z.looseObject({
          accountId: int.optional(),
          statuses: z.array(int).nullish(),
          contractId: z.string().nullish(),
          createdAfter: isoDate.nullish(),
          createdBefore: isoDate.nullish(),
        }),
        pageSize: int.nullish(),
        pageOffset: int.nullish(),
        sortBy: int.nullish(),
        sortDirection: int.nullish(),
        includeTotalCount: z.boolean().nullish(),
      }),
      call: (exchange, body) => {
        const answer = exchange.queryOrders(body);
        const value = answer.errorCode === 0 ? answer.value : undefined;
        const payload: Record<string, unknown> = { orders: value?.orders ?? null };
        if (value?.totalCount !== undefined) payload.totalCount = value.totalCount;
        return { answer, payload };
      },
    },
  ],
  [
    '/api/Position/searchOpen',
    endpoint(
      accountOnly,
      'positions',
      list('positions', (x, b) => x.searchOpenPositions(b)),
    ),
  ],
  [
    '/api/Position/closeContract',
    endpoint(
      contractRef,
      undefined,
      bare((x, b) => x.closeContract(b)),
    ),
  ],
  [
    '/api/Position/partialCloseContract',
    endpoint(
      z.looseObject({ accountId: int.optional(), contractId: z.string(), size: int.optional() }),
      undefined,
      bare((x, b) => x.partialCloseContract(b)),
    ),
  ],
  [
    '/api/Trade/search',
    endpoint(
      timeRange,
      'trades',
      list('trades', (x, b) => x.searchTrades(b)),
    ),
  ],
]);
