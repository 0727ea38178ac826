import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerModifyRequest, CallLane, OrderCallOptions } from '../../../core/ports/broker-port';
import type { AccountId, ContractId, OrderId } from '../../../../src-shared/domain/ids';
import { priceToTicks, type Ticks } from '../../../../src-shared/domain/money';
import { fail, ok, type AppError, type Result } from '../../../../src-shared/result';
import { sideOf } from '../parse/enums';
import type { OrderRecord } from '../parse/order';
import type { BrokerReads } from '../rest/broker-reads';
import type { CallDeadline } from '../rest/call-deadline';
import type { ContractCache } from '../rest/contract-cache';
import { cancelErrors, closeErrors, modifyErrors, partialCloseErrors } from '../rest/endpoint-errors';
import type { RestClient, RestResult } from '../rest/rest-client';
import type { OrderCache } from '../state/order-cache';
import type { WirePositionCache } from '../state/wire-position-cache';
import type { TimerScope } from '../support/timer-scope';
import { answerByDeadline } from './deadline-answer';
import { modifyBody } from './order-bodies';

const emptyPayload = z.object({});
const cancelledStatus = 3;

/** What changing orders and positions needs. */
export interface ChangeParts {
  readonly rest: RestClient;
  readonly reads: BrokerReads;
  readonly contracts: ContractCache;
  readonly orders: OrderCache;
  readonly positions: WirePositionCache;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly timers: TimerScope;
  readonly lastPrice: (contractId: ContractId) => Promise<Ticks | undefined>;
  readonly reconcile: (accountId: AccountId) => void;
}

/**
 * Modify, cancel and close. None is ever resent: when the outcome is unknown the state is read
 * back over REST, the answer reports what the broker shows, and a reconciliation is requested.
 * With a deadline (a trader's modify or cancel), a call still queued then is dropped unsent, and
 * one that may have reached the broker is answered `unknown-outcome`, then settled by that read-back.
 */
export class OrderChanges {
  public constructor(private readonly parts: ChangeParts) {}

  /** Order/modify with only the changed fields. */
  public modify(request: BrokerModifyRequest, lane: CallLane, options?: OrderCallOptions<void>): Promise<Result<void>> {
    if (options === undefined) return this.modifyFully(request, lane, undefined);
    return answerByDeadline(
      this.parts,
      options,
      (message) => unknownOutcome('Order/modify', request.orderId, message),
      (deadline) => this.modifyFully(request, lane, deadline),
    );
  }

  /** Order/cancel. */
  public cancel(accountId: AccountId, orderId: OrderId, lane: CallLane, options?: OrderCallOptions<void>): Promise<Result<void>> {
    if (options === undefined) return this.cancelFully(accountId, orderId, lane, undefined);
    return answerByDeadline(
      this.parts,
      options,
      (message) => unknownOutcome('Order/cancel', orderId, message),
      (deadline) => this.cancelFully(accountId, orderId, lane, deadline),
    );
  }

  private async modifyFully(request: BrokerModifyRequest, lane: CallLane, deadline: CallDeadline | undefined): Promise<Result<void>> {
    const order = await this.knownOrder(request.accountId, request.orderId, lane);
    if (!order.ok) return order;
    const contract = await this.parts.contracts.get(order.value.contractId ?? '');
    if (!contract.ok) return contract;
    const side = sideOf(order.value.side ?? -1) ?? 'buy';
    const last = request.trailTicks === undefined ? undefined : await this.parts.lastPrice(contract.value.id);
    const body = modifyBody(request, contract.value, side, last);
    if (!body.ok) return body;
    const answer = await this.parts.rest.call({
      path: '/api/Order/modify',
      body: body.value,
      payload: emptyPayload,
      errors: modifyErrors,
      mutating: true,
      lane,
      ...(deadline === undefined ? {} : { deadline }),
    });
    if (answer.ok || !answer.outcomeUnknown) return done(answer);
    this.parts.reconcile(request.accountId);
    const now = await this.parts.reads.orderById(request.accountId, request.orderId, lane);
    if (!now.ok) return failUnknown('Order/modify', request.orderId, `got no answer and order ${request.orderId} could not be read back; not resent`);
    const tickSize = contract.value.tickSize;
    const applied =
      (request.size === undefined || now.value.size === request.size) &&
      (request.limitTicks === undefined || ticksOf(now.value.limitPrice, tickSize) === request.limitTicks) &&
      (request.stopTicks === undefined || ticksOf(now.value.stopPrice, tickSize) === request.stopTicks);
    if (applied && request.trailTicks === undefined) return ok(undefined);
    return failUnknown('Order/modify', request.orderId, `got no answer; order ${request.orderId} ${applied ? 'may' : 'does not'} show the change; not resent`);
  }

  private async cancelFully(accountId: AccountId, orderId: OrderId, lane: CallLane, deadline: CallDeadline | undefined): Promise<Result<void>> {
    const answer = await this.parts.rest.call({
      path: '/api/Order/cancel',
      body: { accountId, orderId },
      payload: emptyPayload,
      errors: cancelErrors,
      mutating: true,
      lane,
      ...(deadline === undefined ? {} : { deadline }),
    });
    if (answer.ok || !answer.outcomeUnknown) return done(answer);
    this.parts.reconcile(accountId);
    const now = await this.parts.reads.orderById(accountId, orderId, lane);
    if (!now.ok) return failUnknown('Order/cancel', orderId, `got no answer and order ${orderId} could not be read back; not resent`);
    if (now.value.status === cancelledStatus) return ok(undefined);
    return failUnknown('Order/cancel', orderId, `got no answer; order ${orderId} still shows status ${now.value.status ?? 'unknown'}; not resent`);
  }

  /** Position/closeContract, or partialCloseContract when `size` is given. Working orders stay (the broker's rule). */
  public async close(accountId: AccountId, contractId: ContractId, size: number | undefined, lane: CallLane): Promise<Result<void>> {
    if (size !== undefined && (!Number.isInteger(size) || size <= 0)) return fail('invalid-request', 'size must be a whole number above zero', 'size');
    const before = Math.abs(this.parts.positions.size(accountId, contractId));
    const answer =
      size === undefined
        ? await this.parts.rest.call({
            path: '/api/Position/closeContract',
            body: { accountId, contractId },
            payload: emptyPayload,
            errors: closeErrors,
            mutating: true,
            lane,
          })
        : await this.parts.rest.call({
            path: '/api/Position/partialCloseContract',
            body: { accountId, contractId, size },
            payload: emptyPayload,
            errors: partialCloseErrors,
            mutating: true,
            lane,
          });
    if (answer.ok || !answer.outcomeUnknown) return done(answer);
    this.parts.reconcile(accountId);
    const positions = await this.parts.reads.openPositions(accountId, lane);
    if (!positions.ok) return fail('timeout', `closing ${contractId} got no answer and the positions could not be read back; not resent`);
    const left = positions.value.find((position) => position.contractId === contractId)?.size ?? 0;
    const closed = size === undefined ? left === 0 : before > 0 && left <= before - size;
    if (closed) return ok(undefined);
    return fail('timeout', `closing ${contractId} got no answer; the broker still shows ${left} lot(s); not resent`);
  }

  private async knownOrder(accountId: AccountId, orderId: OrderId, lane: CallLane): Promise<Result<OrderRecord>> {
    const cached = this.parts.orders.get(orderId);
    if (cached?.contractId !== undefined && cached.side !== undefined) return ok(cached);
    return this.parts.reads.orderById(accountId, orderId, lane);
  }
}

/** The `unknown-outcome` error of a modify or cancel, naming the order. */
function unknownOutcome(path: string, orderId: OrderId, message: string): AppError {
  return { code: 'unknown-outcome', message: `${path} of order ${orderId}: ${message}`, orderId };
}

function failUnknown(path: string, orderId: OrderId, message: string): Result<void> {
  return { ok: false, error: unknownOutcome(path, orderId, message) };
}

function done(answer: RestResult<unknown>): Result<void> {
  return answer.ok ? ok(undefined) : { ok: false, error: answer.error };
}

function ticksOf(price: number | null | undefined, tickSize: number): Ticks | undefined {
  return price === null || price === undefined ? undefined : priceToTicks(price, tickSize);
}
