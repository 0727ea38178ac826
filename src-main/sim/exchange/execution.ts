import { accountModelOf } from './account-ledger';
import { contractDisplayNameOf, parseContractId } from './contract-months';
import type { ExchangeContext } from './exchange-context';
import { activateBracket, cancelSiblingLeg } from './brackets';
import type { SweepFill } from './order-book';
import { publishOrder } from './order-events';
import { isBuy, type OrderRecord } from './order-store';
import { orderStatus } from './projectx-enums';
import { centsToDollars, ticksToPrice } from './tick-math';

function displayNameOf(order: OrderRecord): string {
  const parsed = parseContractId(order.contractId);
  return parsed === null ? order.contractId : contractDisplayNameOf(parsed.spec, parsed.contractMonth);
}

/**
 * Books fills of an order, each in causal order: the order update, the fill (`trade`), the
 * position(s), then the account balance. A completed entry activates its bracket; a completed
 * bracket leg cancels the other leg (OCO).
 */
export function fillOrder(context: ExchangeContext, order: OrderRecord, fills: readonly SweepFill[]): void {
  const account = context.accounts.get(order.accountId);
  if (account === undefined) return;
  for (const fill of fills) {
    if (fill.size <= 0) continue;
    const ms = context.now();
    order.fillVolume += fill.size;
    order.fillCostTicks += fill.priceTicks * fill.size;
    if (order.fillVolume >= order.size) context.orders.setStatus(order, orderStatus.filled);
    publishOrder(context, order);

    const timestamp = context.stamper.stamp(ms);
    const outcome = context.positions.apply({
      accountId: order.accountId,
      spec: order.spec,
      contractId: order.contractId,
      displayName: displayNameOf(order),
      buy: isBuy(order),
      priceTicks: fill.priceTicks,
      size: fill.size,
      timestamp,
    });
    const feeCents = context.fees.feeCents(order.spec) * fill.size;
    const commissionCents = context.fees.commissionCents(order.spec) * fill.size;
    const trade = {
      id: context.ids.nextTradeId(),
      accountId: order.accountId,
      contractId: order.contractId,
      creationTimestamp: timestamp,
      price: ticksToPrice(order.spec, fill.priceTicks),
      profitAndLoss: outcome.realizedCents === null ? null : centsToDollars(outcome.realizedCents),
      fees: centsToDollars(feeCents),
      commissions: centsToDollars(commissionCents),
      side: order.side,
      size: fill.size,
      voided: false,
      orderId: order.id,
    };
    context.trades.push({ ms, trade });
    context.emit({ kind: 'trade', trade });
    for (const position of outcome.positions) context.emit({ kind: 'position', position });
    context.accounts.adjust(account, (outcome.realizedCents ?? 0) - feeCents - commissionCents);
    context.emit({ kind: 'account', account: accountModelOf(account) });
  }
  if (order.status === orderStatus.filled) {
    if (order.bracket !== null) activateBracket(context, order);
    if (order.role !== 'entry') cancelSiblingLeg(context, order);
  }
}
