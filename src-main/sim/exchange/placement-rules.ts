import type { BracketMode } from './account-ledger';
import type { BracketPlan } from './order-store';
import type { ProductSpec } from './product-catalogue';
import { orderSide, orderType } from './projectx-enums';
import type { PlaceOrderRequest } from './request-schemas';
import { priceToTicks } from './tick-math';

/** Why an order was refused: the endpoint's code and the venue's message. */
export interface Rejection {
  readonly rejected: true;
  readonly code: number;
  readonly message: string | null;
}

/** The price levels of an accepted order, in ticks. */
export interface OrderLevels {
  readonly limitTicks: number | null;
  readonly stopTicks: number | null;
  readonly trailTicks: number | null;
}

/** The market as an order's checks see it, in ticks (null before anything traded). */
export interface MarketTouch {
  readonly lastTicks: number | null;
  readonly bidTicks: number | null;
  readonly askTicks: number | null;
}

/** Longest trailing distance `Order/place` accepts. */
export const maxTrailTicks = 1000;

const orderRejected = 2;

/** A code-2 refusal with a message. */
export function rejection(message: string | null, code = orderRejected): Rejection {
  return { rejected: true, code, message };
}

/** Whether a value is a refusal. */
export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && 'rejected' in value;
}

/**
 * The bracket of an entry: accepted only in Auto OCO mode, the stop-loss must be a stop (type 4),
 * the take-profit a limit (type 1), and ticks are signed from the entry (long: stop below, target above).
 */
export function bracketPlanOf(request: PlaceOrderRequest, mode: BracketMode): BracketPlan | Rejection | null {
  const stopLoss = request.stopLossBracket ?? null;
  const takeProfit = request.takeProfitBracket ?? null;
  if (stopLoss === null && takeProfit === null) return null;
  if (mode === 'position') return rejection('Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.');
  const long = request.side === orderSide.buy;
  if (stopLoss !== null) {
    if (stopLoss.type !== orderType.stop) return rejection('Invalid stop loss type');
    if (long ? stopLoss.ticks >= 0 : stopLoss.ticks <= 0) {
      return rejection(
        `Invalid stop loss ticks (${stopLoss.ticks}). Ticks should be ${long ? 'less than zero when longing' : 'greater than zero when going short'}.`,
      );
    }
  }
  if (takeProfit !== null) {
    if (takeProfit.type !== orderType.limit) return rejection('Invalid take profit type');
    if (long ? takeProfit.ticks <= 0 : takeProfit.ticks >= 0) {
      return rejection(
        `Invalid take profit ticks (${takeProfit.ticks}). Ticks should be ${long ? 'greater than zero when longing' : 'less than zero when going short'}.`,
      );
    }
  }
  return { stopLossTicks: stopLoss?.ticks ?? null, takeProfitTicks: takeProfit?.ticks ?? null };
}

/** An on-grid, positive price in ticks, or the refusal naming it (`limit`, `stop`). */
export function gridPrice(spec: ProductSpec, price: number | null | undefined, name: 'limit' | 'stop'): number | Rejection {
  if (price === null || price === undefined) return rejection(`Invalid ${name} price. A ${name} price is required for this order type.`);
  const ticks = priceToTicks(spec, price);
  if (ticks === null) return rejection(`Invalid ${name} price. Price is not aligned to tick size.`);
  if (ticks <= 0) return rejection(`Invalid ${name} price. Price must be greater than zero.`);
  return ticks;
}

/** A stop must sit beyond the last trade: above it to buy, below it to sell. */
export function stopSideRule(buy: boolean, stopTicks: number, market: MarketTouch): Rejection | null {
  const last = market.lastTicks;
  if (last === null) return null;
  if (buy && stopTicks <= last) return rejection('Invalid stop price. A buy stop must be above the last price.');
  if (!buy && stopTicks >= last) return rejection('Invalid stop price. A sell stop must be below the last price.');
  return null;
}

/** `trailPrice` is a level: the distance is |last - level| in whole ticks. */
export function trailDistanceOf(spec: ProductSpec, trailPrice: number | null | undefined, market: MarketTouch, enforceMaximum: boolean): number | Rejection {
  if (trailPrice === null || trailPrice === undefined) return rejection('Trail Distance not set.');
  const level = priceToTicks(spec, trailPrice);
  if (level === null) return rejection('Invalid trail price. Price is not aligned to tick size.');
  const last = market.lastTicks;
  if (last === null) return rejection('Cannot trail without a last price');
  const distance = Math.trunc(Math.abs(last - level));
  if (distance === 0) return rejection('Trail Distance not set.');
  if (enforceMaximum && distance > maxTrailTicks) return rejection(`Trail Distance exceeds maximum (${maxTrailTicks})`);
  return distance;
}

/** The levels an order type needs, checked. */
export function orderLevelsOf(request: PlaceOrderRequest, spec: ProductSpec, market: MarketTouch): OrderLevels | Rejection {
  const buy = request.side === orderSide.buy;
  const none = { limitTicks: null, stopTicks: null, trailTicks: null };
  switch (request.type) {
    case orderType.market:
      return market.lastTicks === null ? rejection('No market price is available.') : none;
    case orderType.limit: {
      const limit = gridPrice(spec, request.limitPrice, 'limit');
      return isRejection(limit) ? limit : { ...none, limitTicks: limit };
    }
    case orderType.stop: {
      const stop = gridPrice(spec, request.stopPrice, 'stop');
      if (isRejection(stop)) return stop;
      return stopSideRule(buy, stop, market) ?? { ...none, stopTicks: stop };
    }
    case orderType.stopLimit: {
      const stop = gridPrice(spec, request.stopPrice, 'stop');
      if (isRejection(stop)) return stop;
      const limit = gridPrice(spec, request.limitPrice, 'limit');
      if (isRejection(limit)) return limit;
      return stopSideRule(buy, stop, market) ?? { ...none, limitTicks: limit, stopTicks: stop };
    }
    case orderType.trailingStop: {
      const distance = trailDistanceOf(spec, request.trailPrice, market, true);
      if (isRejection(distance)) return distance;
      const last = market.lastTicks ?? 0;
      return { ...none, trailTicks: distance, stopTicks: buy ? last + distance : last - distance };
    }
    case orderType.joinBid:
    case orderType.joinAsk: {
      const touch = request.type === orderType.joinBid ? market.bidTicks : market.askTicks;
      return touch === null ? rejection('No market price is available.') : { ...none, limitTicks: touch };
    }
    default:
      return rejection('Invalid order type.');
  }
}
