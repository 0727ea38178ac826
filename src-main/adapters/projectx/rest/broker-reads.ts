import { z } from 'zod';
import type { Logger } from '../../../core/logger';
import type { CallLane } from '../../../core/ports/broker-port';
import type { AccountId, EpochMs, OrderId } from '../../../../src-shared/domain/ids';
import { fail, ok, type Result } from '../../../../src-shared/result';
import { workingStatusCodes } from '../parse/enums';
import { parseFill, type FillRecord } from '../parse/fill';
import { isCompleteOrder, parseOrderUpdate, type OrderRecord } from '../parse/order';
import type { Parsed } from '../parse/parsed';
import { parsePosition, type PositionRecord } from '../parse/position';
import { accountSearchErrors, orderByIdErrors } from './endpoint-errors';
import { asResult, isMissingEndpoint, type RestClient } from './rest-client';

const ordersPayload = z.object({ orders: z.array(z.unknown()).nullish() });
const orderPayload = z.object({ order: z.unknown().nullish() });
const positionsPayload = z.object({ positions: z.array(z.unknown()).nullish() });
const tradesPayload = z.object({ trades: z.array(z.unknown()).nullish() });
const queryPageSize = 100;
// A safety stop for paging: 50 pages of 100 working orders is far beyond any account.
const maxQueryPages = 50;

/**
 * The REST reads behind reconciliation and the timeout checks, as validated broker records.
 * A malformed item is logged and skipped; the rest of the list still counts.
 */
export class BrokerReads {
  private queryMissing = false;

  public constructor(
    private readonly rest: RestClient,
    private readonly logger: Logger,
  ) {}

  /**
   * Working orders including suspended bracket children: Order/v2/query with statuses 1, 6, 7, 8.
   * Where v2/query does not exist, Order/searchOpen plus searchById of `alsoCheck` (cached ids
   * that may be suspended children, which searchOpen omits).
   */
  public async workingOrders(accountId: AccountId, alsoCheck: readonly OrderId[], lane: CallLane): Promise<Result<OrderRecord[]>> {
    if (!this.queryMissing) {
      const queried = await this.queryWorking(accountId, lane);
      if (queried.ok || !isMissingEndpoint(queried.error)) return queried;
      this.queryMissing = true;
      this.logger.warn({}, 'Order/v2/query is not available; using Order/searchOpen');
    }
    const open = asResult(
      await this.rest.call({ path: '/api/Order/searchOpen', body: { accountId }, payload: ordersPayload, errors: accountSearchErrors, lane }),
    );
    if (!open.ok) return open;
    const orders = this.records(open.value.orders ?? [], parseOrderUpdate, 'order');
    const seen = new Set(orders.map((order) => order.id));
    for (const orderId of alsoCheck.filter((id) => !seen.has(id))) {
      const order = await this.orderById(accountId, orderId, lane);
      if (order.ok && order.value.status !== undefined && workingStatusCodes.includes(order.value.status)) orders.push(order.value);
    }
    return ok(orders);
  }

  /** Every order created since `since` (Order/search), rejected ones included. */
  public async ordersSince(accountId: AccountId, since: EpochMs, lane: CallLane): Promise<Result<OrderRecord[]>> {
    const answer = asResult(
      await this.rest.call({
        path: '/api/Order/search',
        body: { accountId, startTimestamp: new Date(since).toISOString() },
        payload: ordersPayload,
        errors: accountSearchErrors,
        lane,
      }),
    );
    return answer.ok ? ok(this.records(answer.value.orders ?? [], parseOrderUpdate, 'order')) : answer;
  }

  /** One order by id (Order/searchById). */
  public async orderById(accountId: AccountId, orderId: OrderId, lane: CallLane): Promise<Result<OrderRecord>> {
    const answer = asResult(
      await this.rest.call({ path: '/api/Order/searchById', body: { accountId, orderId }, payload: orderPayload, errors: orderByIdErrors, lane }),
    );
    if (!answer.ok) return answer;
    const order = parseOrderUpdate(answer.value.order);
    if (!order.ok || !isCompleteOrder(order.value)) return fail('not-found', `order ${orderId} was not returned in full`);
    return ok(order.value);
  }

  /** Open positions (Position/searchOpen). */
  public async openPositions(accountId: AccountId, lane: CallLane): Promise<Result<PositionRecord[]>> {
    const answer = asResult(
      await this.rest.call({ path: '/api/Position/searchOpen', body: { accountId }, payload: positionsPayload, errors: accountSearchErrors, lane }),
    );
    return answer.ok ? ok(this.records(answer.value.positions ?? [], parsePosition, 'position')) : answer;
  }

  /** Fills since `since` (Trade/search). */
  public async fillsSince(accountId: AccountId, since: EpochMs, lane: CallLane): Promise<Result<FillRecord[]>> {
    const answer = asResult(
      await this.rest.call({
        path: '/api/Trade/search',
        body: { accountId, startTimestamp: new Date(since).toISOString() },
        payload: tradesPayload,
        errors: accountSearchErrors,
        lane,
      }),
    );
    return answer.ok ? ok(this.records(answer.value.trades ?? [], parseFill, 'fill')) : answer;
  }

  private async queryWorking(accountId: AccountId, lane: CallLane): Promise<Result<OrderRecord[]>> {
    const orders: OrderRecord[] = [];
    for (let page = 0; page < maxQueryPages; page++) {
      const answer = asResult(
        await this.rest.call({
          path: '/api/Order/v2/query',
          body: { filter: { accountId, statuses: workingStatusCodes }, pageSize: queryPageSize, pageOffset: page * queryPageSize, sortBy: 1, sortDirection: 0 },
          payload: ordersPayload,
          errors: accountSearchErrors,
          lane,
        }),
      );
      if (!answer.ok) return answer;
      const items = answer.value.orders ?? [];
      orders.push(...this.records(items, parseOrderUpdate, 'order'));
      if (items.length < queryPageSize) return ok(orders);
    }
    return ok(orders);
  }

  private records<T>(items: readonly unknown[], parse: (item: unknown) => Parsed<T>, what: string): T[] {
    const records: T[] = [];
    for (const item of items) {
      const record = parse(item);
      if (record.ok) records.push(record.value);
      else this.logger.warn({ what, reason: record.reason }, 'skipped a malformed item in a broker answer');
    }
    return records;
  }
}
