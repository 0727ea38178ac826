import type { ExchangeContext } from './exchange-context';
import { fillOrder } from './execution';
import type { LiveMarket } from './live-market';
import { sweep, type SweepFill } from './order-book';
import { publishOrder } from './order-events';
import { isBuy, isWorking, type OrderRecord } from './order-store';
import { orderType } from './projectx-enums';
import type { TapePrint } from './second-prints';

/**
 * Fills against the book now, best level first: buyers take asks, sellers hit bids. An order
 * bigger than a level walks to the next (several fills, one average). With `limitTicks` the sweep
 * stops at that price and the rest stays unfilled.
 */
export function sweepFills(market: LiveMarket, buy: boolean, quantity: number, limitTicks: number | null, ms: number): SweepFill[] {
  if (market.bidTicks === null || market.askTicks === null || quantity <= 0) return [];
  const acceptable =
    limitTicks === null ? (): boolean => true : buy ? (price: number): boolean => price <= limitTicks : (price: number): boolean => price >= limitTicks;
  return sweep((distance) => market.levelAt(buy ? 'ask' : 'bid', distance, ms), quantity, acceptable);
}

function remainingOf(order: OrderRecord): number {
  return order.size - order.fillVolume;
}

function fillAtMarket(context: ExchangeContext, market: LiveMarket, order: OrderRecord, ms: number): void {
  context.publishMarket(market);
  fillOrder(context, order, sweepFills(market, isBuy(order), remainingOf(order), null, ms));
}

function restingLimit(context: ExchangeContext, market: LiveMarket, order: OrderRecord, print: TapePrint): void {
  const limit = order.limitTicks;
  if (limit === null) return;
  // A resting limit fills, at its price, when the market trades through it; a touch leaves it in the queue.
  const reached = isBuy(order) ? print.priceTicks < limit : print.priceTicks > limit;
  if (!reached) return;
  context.publishMarket(market);
  fillOrder(context, order, [{ priceTicks: limit, size: remainingOf(order) }]);
}

function stopReached(order: OrderRecord, print: TapePrint): boolean {
  const stop = order.stopTicks;
  if (stop === null) return false;
  return isBuy(order) ? print.priceTicks >= stop : print.priceTicks <= stop;
}

function trail(context: ExchangeContext, market: LiveMarket, order: OrderRecord, print: TapePrint): void {
  const distance = order.trailTicks;
  if (distance === null) return;
  const buy = isBuy(order);
  const extreme = order.trailExtremeTicks ?? print.priceTicks;
  const next = buy ? Math.min(extreme, print.priceTicks) : Math.max(extreme, print.priceTicks);
  order.trailExtremeTicks = next;
  const stop = buy ? next + distance : next - distance;
  if (stop !== order.stopTicks) {
    order.stopTicks = stop;
    context.publishMarket(market);
    publishOrder(context, order);
  }
  if (stopReached(order, print)) fillAtMarket(context, market, order, print.ms);
}

/** Fills the marketable part of a limit (at placement, after a modify, or when a stop-limit fires). */
export function fillMarketableLimit(context: ExchangeContext, market: LiveMarket, order: OrderRecord, ms: number): void {
  if (order.limitTicks === null) return;
  const fills = sweepFills(market, isBuy(order), remainingOf(order), order.limitTicks, ms);
  if (fills.length === 0) return;
  context.publishMarket(market);
  fillOrder(context, order, fills);
}

/** Plays one print of the tape against the product's working orders, oldest first. */
export function matchPrint(context: ExchangeContext, market: LiveMarket, print: TapePrint): void {
  for (const order of context.orders.working(market.spec)) {
    if (!isWorking(order)) continue;
    switch (order.type) {
      case orderType.limit:
      case orderType.joinBid:
      case orderType.joinAsk:
        restingLimit(context, market, order, print);
        break;
      case orderType.stop:
        if (stopReached(order, print)) fillAtMarket(context, market, order, print.ms);
        break;
      case orderType.stopLimit:
        if (order.triggered) {
          restingLimit(context, market, order, print);
        } else if (stopReached(order, print)) {
          order.triggered = true;
          context.publishMarket(market);
          publishOrder(context, order);
          fillMarketableLimit(context, market, order, print.ms);
        }
        break;
      case orderType.trailingStop:
        trail(context, market, order, print);
        break;
      default:
        break;
    }
  }
}
