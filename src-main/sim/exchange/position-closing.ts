import type { AccountRecord } from './account-ledger';
import { closeCode, partialCloseCode } from './error-codes';
import type { ExchangeAnswer } from './exchange-api';
import type { ExchangeContext } from './exchange-context';
import { fillOrder } from './execution';
import { sweepFills } from './matching-engine';
import { publishOrder } from './order-events';
import type { OrderRecord } from './order-store';
import type { PositionRecord } from './position-ledger';
import { orderSide, orderStatus, orderType } from './projectx-enums';
import { closeContractSchema, parseBody, partialCloseSchema } from './request-schemas';

/**
 * Closing at market. Both endpoints send a market order against the position and, like the venue,
 * leave the position's bracket and OCO orders working (quirk 4). Their code tables differ.
 */

function closingOrder(context: ExchangeContext, account: AccountRecord, position: PositionRecord, size: number): OrderRecord {
  const now = context.now();
  const timestamp = context.stamper.stamp(now);
  return {
    id: context.ids.nextOrderIds(1),
    accountId: account.id,
    spec: position.spec,
    contractId: position.contractId,
    createdMs: now,
    creationTimestamp: timestamp,
    updateTimestamp: timestamp,
    status: orderStatus.pending,
    type: orderType.market,
    side: position.long ? orderSide.sell : orderSide.buy,
    size,
    limitTicks: null,
    stopTicks: null,
    trailTicks: null,
    trailExtremeTicks: null,
    triggered: false,
    fillVolume: 0,
    fillCostTicks: 0,
    customTag: null,
    role: 'entry',
    parentOrderId: null,
    linkedOrderId: null,
    bracket: null,
    childIds: [],
  };
}

function closeAtMarket(context: ExchangeContext, account: AccountRecord, position: PositionRecord, size: number): void {
  const order = closingOrder(context, account, position, size);
  context.orders.add(order);
  publishOrder(context, order);
  fillOrder(context, order, sweepFills(context.marketOf(position.spec), !position.long, size, null, context.now()));
}

function tradable(context: ExchangeContext, position: PositionRecord): boolean {
  const market = context.marketOf(position.spec);
  return market.calendar.isOpen(context.now()) && market.last !== null;
}

/** `Position/closeContract`: flattens the whole position at market. */
export function closeContract(context: ExchangeContext, body: unknown): ExchangeAnswer<null> {
  const parsed = parseBody(closeContractSchema, body);
  if (!parsed.ok) return { errorCode: closeCode.orderRejected, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
  const account = context.accounts.get(parsed.value.accountId);
  if (account === undefined) return { errorCode: closeCode.accountNotFound, errorMessage: 'Account not found.' };
  if (account.live) return { errorCode: closeCode.accountRejected, errorMessage: 'Live accounts not supported' };
  const ref = context.directory.resolve(parsed.value.contractId);
  if (ref === null) return { errorCode: closeCode.contractNotFound, errorMessage: 'Contract not found.' };
  const position = context.positions.get(account.id, ref.id);
  if (position === undefined) {
    return ref.active
      ? { errorCode: closeCode.positionNotFound, errorMessage: 'Position not found.' }
      : { errorCode: closeCode.contractNotActive, errorMessage: 'The contract is not active.' };
  }
  if (!tradable(context, position)) return { errorCode: closeCode.orderRejected, errorMessage: null };
  closeAtMarket(context, account, position, position.size);
  return { errorCode: closeCode.success, errorMessage: null, value: null };
}

/** `Position/partialCloseContract`: closes `size` contracts at market (1 up to the whole position). */
export function partialCloseContract(context: ExchangeContext, body: unknown): ExchangeAnswer<null> {
  const parsed = parseBody(partialCloseSchema, body);
  if (!parsed.ok) return { errorCode: partialCloseCode.orderRejected, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
  const account = context.accounts.get(parsed.value.accountId);
  if (account === undefined) return { errorCode: partialCloseCode.accountNotFound, errorMessage: 'Account not found.' };
  if (account.live) return { errorCode: partialCloseCode.accountRejected, errorMessage: 'Live accounts not supported' };
  const ref = context.directory.resolve(parsed.value.contractId);
  if (ref === null) return { errorCode: partialCloseCode.contractNotFound, errorMessage: 'Contract not found.' };
  const position = context.positions.get(account.id, ref.id);
  if (position === undefined) {
    return ref.active
      ? { errorCode: partialCloseCode.positionNotFound, errorMessage: 'Position not found.' }
      : { errorCode: partialCloseCode.contractNotActive, errorMessage: 'The contract is not active.' };
  }
  const size = parsed.value.size;
  if (size <= 0 || size > position.size)
    return { errorCode: partialCloseCode.invalidCloseSize, errorMessage: `Invalid close size (${size}). The position holds ${position.size}.` };
  // The venue answers a closed market, or a missing price, with a null message.
  if (!tradable(context, position)) return { errorCode: partialCloseCode.orderRejected, errorMessage: null };
  closeAtMarket(context, account, position, size);
  return { errorCode: partialCloseCode.success, errorMessage: null, value: null };
}
