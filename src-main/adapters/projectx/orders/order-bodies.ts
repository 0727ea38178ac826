import type { BrokerModifyRequest, BrokerOrderRequest } from '../../../core/ports/broker-port';
import { ticksToPrice, type Ticks } from '../../../../src-shared/domain/money';
import type { ContractView, OrderSide } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import { orderTypeCodes, sideCodes } from '../parse/enums';

const stopType = orderTypeCodes.stop;
const limitType = orderTypeCodes.limit;

/** A bracket leg as the broker wants it: signed ticks from the entry and an order type. */
export interface BracketLeg {
  readonly ticks: number;
  readonly type: number;
}

/**
 * The broker's signed bracket ticks (docs/projectx-gateway.md §5.2): for a long entry the stop-loss
 * is below (negative) and the take-profit above (positive); a short entry reverses both. The
 * stop-loss leg is a Stop (4), the take-profit a Limit (1).
 */
export function bracketLegs(
  side: OrderSide,
  stopLossTicks: Ticks | undefined,
  takeProfitTicks: Ticks | undefined,
): { stopLossBracket?: BracketLeg; takeProfitBracket?: BracketLeg } {
  const direction = side === 'buy' ? 1 : -1;
  return {
    ...(stopLossTicks === undefined ? {} : { stopLossBracket: { ticks: -direction * Math.abs(stopLossTicks), type: stopType } }),
    ...(takeProfitTicks === undefined ? {} : { takeProfitBracket: { ticks: direction * Math.abs(takeProfitTicks), type: limitType } }),
  };
}

/**
 * The trailing stop's `trailPrice`: an absolute level (not a distance) from which the server keeps
 * |last - trailPrice| in ticks. A sell stop trails below the last trade, a buy stop above it.
 */
export function trailLevelTicks(side: OrderSide, lastTicks: Ticks, trailTicks: Ticks): Ticks {
  return side === 'sell' ? lastTicks - Math.abs(trailTicks) : lastTicks + Math.abs(trailTicks);
}

/** The Order/place body for a request; refuses a request that misses what its type needs. */
export function placeBody(request: BrokerOrderRequest, contract: ContractView, lastTicks: Ticks | undefined): Result<Record<string, unknown>> {
  if (!Number.isInteger(request.size) || request.size <= 0) return fail('invalid-request', 'size must be a whole number above zero', 'size');
  if (request.customTag.length === 0) return fail('invalid-request', 'every order needs a customTag', 'customTag');
  const price = (ticks: Ticks): number => ticksToPrice(ticks, contract.tickSize);
  const body: Record<string, unknown> = {
    accountId: request.accountId,
    contractId: request.contractId,
    type: orderTypeCodes[request.type],
    side: sideCodes[request.side],
    size: request.size,
    customTag: request.customTag,
  };
  const needsLimit = request.type === 'limit' || request.type === 'stop-limit';
  const needsStop = request.type === 'stop' || request.type === 'stop-limit';
  if (needsLimit && request.limitTicks === undefined) return fail('invalid-request', `a ${request.type} order needs limitTicks`, 'limitTicks');
  if (needsStop && request.stopTicks === undefined) return fail('invalid-request', `a ${request.type} order needs stopTicks`, 'stopTicks');
  if (needsLimit && request.limitTicks !== undefined) body.limitPrice = price(request.limitTicks);
  if (needsStop && request.stopTicks !== undefined) body.stopPrice = price(request.stopTicks);
  if (request.type === 'trailing-stop') {
    if (request.trailTicks === undefined || request.trailTicks <= 0)
      return fail('invalid-request', 'a trailing stop needs trailTicks above zero', 'trailTicks');
    if (lastTicks === undefined) return fail('not-connected', `no last trade price is known for ${request.contractId}; cannot place a trailing stop`);
    body.trailPrice = price(trailLevelTicks(request.side, lastTicks, request.trailTicks));
  }
  Object.assign(body, bracketLegs(request.side, request.stopLossTicks, request.takeProfitTicks));
  return ok(body);
}

/** The Order/modify body: only the fields that change. */
export function modifyBody(
  request: BrokerModifyRequest,
  contract: ContractView,
  side: OrderSide,
  lastTicks: Ticks | undefined,
): Result<Record<string, unknown>> {
  const body: Record<string, unknown> = { accountId: request.accountId, orderId: request.orderId };
  if (request.size !== undefined) {
    if (!Number.isInteger(request.size) || request.size <= 0) return fail('invalid-request', 'size must be a whole number above zero', 'size');
    body.size = request.size;
  }
  if (request.limitTicks !== undefined) body.limitPrice = ticksToPrice(request.limitTicks, contract.tickSize);
  if (request.stopTicks !== undefined) body.stopPrice = ticksToPrice(request.stopTicks, contract.tickSize);
  if (request.trailTicks !== undefined) {
    if (lastTicks === undefined) return fail('not-connected', `no last trade price is known for ${contract.id}; cannot move a trailing stop`);
    body.trailPrice = ticksToPrice(trailLevelTicks(side, lastTicks, request.trailTicks), contract.tickSize);
  }
  if (Object.keys(body).length === 2) return fail('invalid-request', 'a modify needs at least one field to change');
  return ok(body);
}
