import type { AccountRecord } from './account-ledger';
import { createBracketLegs } from './brackets';
import type { ContractRef } from './contract-directory';
import { closedMarketMessage, placeCode } from './error-codes';
import type { ExchangeAnswer } from './exchange-api';
import type { ExchangeContext } from './exchange-context';
import { fillOrder } from './execution';
import { fillMarketableLimit, sweepFills } from './matching-engine';
import { publishOrder, setOrderStatus } from './order-events';
import { orderModelOf, type BracketPlan, type OrderRecord } from './order-store';
import { bracketPlanOf, isRejection, orderLevelsOf, rejection, type OrderLevels, type Rejection } from './placement-rules';
import { orderSide, orderStatus, orderType } from './projectx-enums';
import { parseBody, placeOrderSchema, type PlaceOrderRequest } from './request-schemas';
import { priceToTicks } from './tick-math';

/** `Order/place`'s answer: the order id travels even on a refusal once the order exists. */
export type PlaceAnswer = ExchangeAnswer<number> & { readonly orderId: number | null };

interface Accepted {
  readonly levels: OrderLevels;
  readonly bracket: BracketPlan | null;
}

const validTypes: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 7]);

function check(context: ExchangeContext, request: PlaceOrderRequest, account: AccountRecord, ref: ContractRef): Accepted | Rejection {
  if (!ref.active) return rejection('The contract is not active.', placeCode.contractNotActive);
  if (!account.canTrade) return rejection('The account is not allowed to trade.', placeCode.accountViolation);
  if (!validTypes.has(request.type)) return rejection('Invalid order type.');
  if (request.side !== orderSide.buy && request.side !== orderSide.sell) return rejection('Invalid order side.');
  if (request.size <= 0) return rejection('Invalid order size. Size must be greater than zero.');
  const tag = request.customTag ?? null;
  if (tag !== null && context.orders.tagTaken(account.id, tag)) return rejection(`Custom tag '${tag}' is already in use for this account.`);
  const bracket = bracketPlanOf(request, account.bracketMode);
  if (isRejection(bracket)) return bracket;
  const market = context.marketOf(ref.spec);
  if (!market.calendar.isOpen(context.now())) return rejection(closedMarketMessage, placeCode.outsideTradingHours);
  const levels = orderLevelsOf(request, ref.spec, market.touch());
  return isRejection(levels) ? levels : { levels, bracket };
}

function recordOf(context: ExchangeContext, id: number, request: PlaceOrderRequest, ref: ContractRef, accepted: Accepted | null): OrderRecord {
  const now = context.now();
  const timestamp = context.stamper.stamp(now);
  const shown = (price: number | null | undefined): number | null => (price === null || price === undefined ? null : priceToTicks(ref.spec, price));
  return {
    id,
    accountId: request.accountId,
    spec: ref.spec,
    contractId: ref.id,
    createdMs: now,
    creationTimestamp: timestamp,
    updateTimestamp: timestamp,
    status: accepted === null ? orderStatus.rejected : orderStatus.pending,
    type: request.type,
    side: request.side,
    size: request.size,
    limitTicks: accepted === null ? shown(request.limitPrice) : accepted.levels.limitTicks,
    stopTicks: accepted === null ? shown(request.stopPrice) : accepted.levels.stopTicks,
    trailTicks: accepted?.levels.trailTicks ?? null,
    // A trailing stop starts trailing from the last trade.
    trailExtremeTicks: accepted !== null && accepted.levels.trailTicks !== null ? (context.marketOf(ref.spec).last?.priceTicks ?? null) : null,
    triggered: false,
    fillVolume: 0,
    fillCostTicks: 0,
    customTag: request.customTag ?? null,
    role: 'entry',
    parentOrderId: null,
    linkedOrderId: null,
    bracket: accepted?.bracket ?? null,
    childIds: [],
  };
}

function referenceTicks(context: ExchangeContext, order: OrderRecord): number | null {
  if (order.type === orderType.stop || order.type === orderType.trailingStop) return order.stopTicks;
  return order.limitTicks ?? context.marketOf(order.spec).last?.priceTicks ?? null;
}

function work(context: ExchangeContext, order: OrderRecord): void {
  const market = context.marketOf(order.spec);
  if (order.type === orderType.market) {
    fillOrder(context, order, sweepFills(market, order.side === orderSide.buy, order.size, null, context.now()));
    return;
  }
  setOrderStatus(context, order, orderStatus.open);
  if (order.limitTicks !== null && order.type !== orderType.stopLimit) fillMarketableLimit(context, market, order, context.now());
}

type Resolved = { readonly request: PlaceOrderRequest; readonly account: AccountRecord; readonly ref: ContractRef } | PlaceAnswer;

function resolve(context: ExchangeContext, body: unknown): Resolved {
  const parsed = parseBody(placeOrderSchema, body);
  if (!parsed.ok) return { errorCode: placeCode.orderRejected, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field, orderId: null };
  const request = parsed.value;
  const account = context.accounts.get(request.accountId);
  if (account === undefined) return { errorCode: placeCode.accountNotFound, errorMessage: 'Account not found.', orderId: null };
  const ref = context.directory.resolve(request.contractId);
  if (ref === null) return { errorCode: placeCode.contractNotFound, errorMessage: 'Contract not found.', orderId: null };
  return { request, account, ref };
}

function refuse(context: ExchangeContext, request: PlaceOrderRequest, ref: ContractRef, refusal: Rejection): PlaceAnswer {
  const id = context.ids.nextOrderIds(1);
  const order = recordOf(context, id, request, ref, null);
  context.orders.add(order);
  // The refused order still lives: Pending first, then Rejected, as the stream shows it.
  context.emit({ kind: 'order', order: { ...orderModelOf(order), status: orderStatus.pending } });
  publishOrder(context, order);
  return { errorCode: refusal.code, errorMessage: refusal.message, orderId: id };
}

/** Records a place request as an order refused with `message` (code 2): the gateway's `reject-next-order` fault. */
export function rejectOrder(context: ExchangeContext, body: unknown, message: string): PlaceAnswer {
  const resolved = resolve(context, body);
  if ('errorCode' in resolved) return resolved;
  return refuse(context, resolved.request, resolved.ref, rejection(message));
}

/**
 * `Order/place`. A malformed body, an unknown account (1) or contract (8) gets no order; any other
 * refusal creates the order, announces it Pending then Rejected, and returns its id.
 */
export function placeOrder(context: ExchangeContext, body: unknown): PlaceAnswer {
  const resolved = resolve(context, body);
  if ('errorCode' in resolved) return resolved;
  const { request, account, ref } = resolved;
  const outcome = check(context, request, account, ref);
  if (isRejection(outcome)) return refuse(context, request, ref, outcome);
  const legs = (request.stopLossBracket ? 1 : 0) + (request.takeProfitBracket ? 1 : 0);
  const id = context.ids.nextOrderIds(1 + legs);
  const order = recordOf(context, id, request, ref, outcome);
  context.orders.add(order);
  publishOrder(context, order);
  if (order.bracket !== null) createBracketLegs(context, order, order.bracket, referenceTicks(context, order));
  work(context, order);
  return { errorCode: placeCode.success, errorMessage: null, value: id, orderId: id };
}
