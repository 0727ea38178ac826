import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerOrderRequest, CallLane, OrderCallOptions } from '../../../core/ports/broker-port';
import type { AccountId, OrderId } from '../../../../src-shared/domain/ids';
import type { Ticks } from '../../../../src-shared/domain/money';
import { fail, ok, type Result } from '../../../../src-shared/result';
import type { OrderRecord } from '../parse/order';
import { wireId } from '../parse/wire';
import type { BrokerReads } from '../rest/broker-reads';
import type { CallDeadline } from '../rest/call-deadline';
import type { ContractCache } from '../rest/contract-cache';
import { placeErrors } from '../rest/endpoint-errors';
import type { RestClient, RestResult } from '../rest/rest-client';
import type { TimerScope } from '../support/timer-scope';
import { answerByDeadline } from './deadline-answer';
import { placeBody } from './order-bodies';

const placePayload = z.object({ orderId: wireId.nullish() });
const rejectedStatus = 5;
const lookupRetryMs = 2_000;

/** What placing an order needs besides REST. */
export interface PlacementParts {
  readonly rest: RestClient;
  readonly reads: BrokerReads;
  readonly contracts: ContractCache;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timers: TimerScope;
  /** The last trade price for trailing stops (may borrow a quote subscription and wait). */
  readonly lastPrice: (contractId: string) => Promise<Ticks | undefined>;
  /** Asks for a REST reconciliation of the account (after an uncertain outcome). */
  readonly reconcile: (accountId: AccountId) => void;
  /** How far before the first attempt the customTag lookup searches (broker and local clocks differ). */
  readonly lookupMarginMs: number;
}

type Placed = { readonly orderId: OrderId };

/**
 * Order/place without ever placing twice. A place whose outcome is unknown (timeout, 5xx, a
 * connection lost after sending) is looked up by its customTag over Order/search before anything
 * is resent; only when the broker has no such order is it sent once more with the same tag,
 * which the broker refuses as a duplicate if the first one lands late.
 *
 * With a deadline (a trader's order), the first send is dropped unsent when it is still queued at
 * the deadline (`not-sent`: it never goes out); when it may have reached the broker, the answer at
 * the deadline is `unknown-outcome` and the customTag lookup above settles it for `onResolved`.
 */
export class OrderPlacement {
  public constructor(private readonly parts: PlacementParts) {}

  /** Places an order; returns the broker's order id. */
  public place(request: BrokerOrderRequest, lane: CallLane, options?: OrderCallOptions<Placed>): Promise<Result<Placed>> {
    if (options === undefined) return this.placeFully(request, lane, undefined);
    const unknown = (message: string) => ({
      code: 'unknown-outcome' as const,
      message: `Order/place (customTag ${request.customTag}): ${message}`,
      customTag: request.customTag,
    });
    return answerByDeadline(this.parts, options, unknown, (deadline) => this.placeFully(request, lane, deadline));
  }

  private async placeFully(request: BrokerOrderRequest, lane: CallLane, deadline: CallDeadline | undefined): Promise<Result<Placed>> {
    const contract = await this.parts.contracts.get(request.contractId);
    if (!contract.ok) return contract;
    const last = request.type === 'trailing-stop' ? await this.parts.lastPrice(request.contractId) : undefined;
    const body = placeBody(request, contract.value, last);
    if (!body.ok) return body;
    const startedAt = this.parts.clock.now();
    const first = await this.send(body.value, lane, deadline);
    if (first.ok || !first.outcomeUnknown) return settled(first);

    this.parts.logger.warn(
      { accountId: request.accountId, customTag: request.customTag, reason: first.error.message },
      'Order/place outcome unknown; looking the order up by customTag',
    );
    const result = await this.settleUnknown(request, body.value, startedAt, lane);
    // Whatever happened, the core gets the broker's truth for the account.
    this.parts.reconcile(request.accountId);
    return result;
  }

  private async settleUnknown(request: BrokerOrderRequest, body: Record<string, unknown>, startedAt: number, lane: CallLane): Promise<Result<Placed>> {
    const found = await this.lookUp(request, startedAt, lane);
    if (!found.ok)
      return unknownOutcome(
        request,
        `Order/place got no answer and the lookup failed (${found.error.message}); not resent: check the broker's orders before retrying`,
      );
    if (found.value !== undefined) return fromFound(found.value);

    this.parts.logger.warn({ accountId: request.accountId, customTag: request.customTag }, 'no order carries the customTag; sending it once more');
    const second = await this.send(body, lane);
    if (second.ok) return settled(second);
    // Unknown again, refused (perhaps as a duplicate of a first attempt that landed late), or not
    // sent at all (the first may still land): look once more.
    const recheck = await this.lookUp(request, startedAt, lane);
    if (recheck.ok && recheck.value !== undefined) return fromFound(recheck.value);
    if (second.outcomeUnknown) return unknownOutcome(request, 'Order/place got no answer twice; the order was not found by customTag; not resent again');
    if (!notActedOn(second.error)) return settled(second);
    return unknownOutcome(
      request,
      `Order/place got no answer, the order was not found by customTag, and the second attempt was not sent (${second.error.message}); check the broker's orders before retrying`,
    );
  }

  /** The customTag lookup, tried once more after a pause when the read fails. */
  private async lookUp(request: BrokerOrderRequest, startedAt: number, lane: CallLane): Promise<Result<OrderRecord | undefined>> {
    const first = await this.findByTag(request, startedAt, lane);
    if (first.ok || !(await this.parts.timers.sleep(lookupRetryMs))) return first;
    return this.findByTag(request, startedAt, lane);
  }

  private send(body: Record<string, unknown>, lane: CallLane, deadline?: CallDeadline): Promise<RestResult<z.infer<typeof placePayload>>> {
    return this.parts.rest.call({
      path: '/api/Order/place',
      body,
      payload: placePayload,
      errors: placeErrors,
      mutating: true,
      lane,
      ...(deadline === undefined ? {} : { deadline }),
    });
  }

  private async findByTag(request: BrokerOrderRequest, startedAt: number, lane: CallLane): Promise<Result<OrderRecord | undefined>> {
    const orders = await this.parts.reads.ordersSince(request.accountId, startedAt - this.parts.lookupMarginMs, lane);
    if (!orders.ok) return orders;
    const matches = orders.value.filter(
      (order) => order.customTag === request.customTag && (order.accountId === undefined || order.accountId === request.accountId),
    );
    // A refused duplicate may carry the same tag: the order that was accepted is the one that counts.
    return ok(matches.find((order) => order.status !== rejectedStatus) ?? matches[0]);
  }
}

function settled(result: RestResult<z.infer<typeof placePayload>>): Result<{ readonly orderId: OrderId }> {
  if (!result.ok) return { ok: false, error: result.error };
  const orderId = result.value.orderId;
  return orderId === null || orderId === undefined ? fail('internal', 'Order/place succeeded without an orderId') : ok({ orderId });
}

/** Settling failed: the order may or may not stand at the broker. */
function unknownOutcome(request: BrokerOrderRequest, message: string): Result<Placed> {
  return { ok: false, error: { code: 'unknown-outcome', message, customTag: request.customTag } };
}

/** A second attempt the broker never acted on: rate-limited, refused unread, or never sent. */
function notActedOn(error: { readonly code: string }): boolean {
  return error.code === 'timeout' || error.code === 'not-sent' || error.code === 'not-connected' || error.code === 'unauthorized' || error.code === 'cancelled';
}

function fromFound(order: OrderRecord): Result<{ readonly orderId: OrderId }> {
  if (order.status === rejectedStatus) return fail('broker-rejected', `order ${order.id} (customTag ${order.customTag ?? ''}) was rejected by the broker`);
  return ok({ orderId: order.id });
}
