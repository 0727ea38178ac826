import type { CallRequest } from '../../../src-shared/contract';
import type { BracketTemplate } from '../../../src-shared/domain/brackets';
import type { ContractView, OrderSide, OrderType } from '../../../src-shared/domain/trading';
import { ticksToWirePrice } from './ticks';

/** An order as the ticket, a hotkey or the chart means it: prices in ticks. */
export interface TicketOrder {
  readonly accountId: number | undefined;
  readonly contract: Pick<ContractView, 'id' | 'tickSize'>;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly size: number;
  readonly limitTicks?: number;
  readonly stopTicks?: number;
  readonly trailTicks?: number;
  readonly stopLossTicks?: number;
  readonly takeProfitTicks?: number;
  /** A bracket template by name, or `none` (not with stopLossTicks/takeProfitTicks). */
  readonly template?: string;
  /** The template the new position gets, as the chart draws it until the entry fills (null: none). */
  readonly plan?: BracketTemplate | null;
}

/** Why an intent cannot be sent, named after the field a trader fixes. */
export interface IntentProblem {
  readonly field: 'limitPrice' | 'stopPrice' | 'trailTicks' | 'size';
  readonly message: string;
}

/**
 * Turns an intent into the `orders.place` request: decimal prices written exactly from ticks, only
 * the price fields the type uses, and the bracket (a template's name, or the one-off stop and target).
 */
export function buildPlaceRequest(intent: TicketOrder): { ok: true; request: CallRequest<'orders.place'> } | { ok: false; problem: IntentProblem } {
  const { contract, type } = intent;
  if (!Number.isInteger(intent.size) || intent.size < 1) return { ok: false, problem: { field: 'size', message: 'size must be a whole number of contracts' } };
  const needsLimit = type === 'limit' || type === 'stop-limit';
  const needsStop = type === 'stop' || type === 'stop-limit';
  if (needsLimit && (intent.limitTicks === undefined || intent.limitTicks <= 0))
    return { ok: false, problem: { field: 'limitPrice', message: 'enter a limit price on the tick grid' } };
  if (needsStop && (intent.stopTicks === undefined || intent.stopTicks <= 0))
    return { ok: false, problem: { field: 'stopPrice', message: 'enter a stop price on the tick grid' } };
  if (type === 'trailing-stop' && (intent.trailTicks === undefined || intent.trailTicks < 1))
    return { ok: false, problem: { field: 'trailTicks', message: 'enter a trailing distance of at least one tick' } };
  const request: CallRequest<'orders.place'> = {
    accountId: intent.accountId,
    symbol: contract.id,
    side: intent.side,
    size: intent.size,
    type,
    ...(needsLimit && intent.limitTicks !== undefined ? { limitPrice: ticksToWirePrice(intent.limitTicks, contract.tickSize) } : {}),
    ...(needsStop && intent.stopTicks !== undefined ? { stopPrice: ticksToWirePrice(intent.stopTicks, contract.tickSize) } : {}),
    ...(type === 'trailing-stop' ? { trailTicks: intent.trailTicks } : {}),
    ...(intent.stopLossTicks === undefined ? {} : { stopLossTicks: intent.stopLossTicks }),
    ...(intent.takeProfitTicks === undefined ? {} : { takeProfitTicks: intent.takeProfitTicks }),
    ...(intent.template === undefined || intent.stopLossTicks !== undefined || intent.takeProfitTicks !== undefined ? {} : { template: intent.template }),
  };
  return { ok: true, request };
}

/** Short name of an order type for lines and tables. */
export function orderTypeLabel(type: OrderType): string {
  const labels: Record<OrderType, string> = {
    market: 'MKT',
    limit: 'LMT',
    stop: 'STP',
    'stop-limit': 'STP LMT',
    'trailing-stop': 'TRAIL',
    'join-bid': 'JOIN BID',
    'join-ask': 'JOIN ASK',
  };
  return labels[type];
}

/**
 * The type a price-level order gets: a buy below the market rests as a limit and above it as a stop,
 * and the reverse for a sell, so a click never sends a marketable order by accident.
 */
export function priceLevelOrderType(side: OrderSide, priceTicks: number, marketTicks: number): 'limit' | 'stop' {
  if (side === 'buy') return priceTicks <= marketTicks ? 'limit' : 'stop';
  return priceTicks >= marketTicks ? 'limit' : 'stop';
}
