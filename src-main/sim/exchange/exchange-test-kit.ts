import type { ExchangeAnswer, ExchangeEvent, HalfTradeModel, OrderModel, PositionModel, SimExchange } from './exchange-api';
import { TestTimekeeper } from './exchange-clock';
import { createSimExchange, type SimExchangeOptions } from './sim-exchange';

/** Builders shared by the exchange's tests (not a test file itself). */

/** Wednesday 2026-08-19 09:00 CT: the regular session is open and busy. */
export const wednesdayMorning = Date.parse('2026-08-19T14:00:00Z');
/** Saturday 2026-08-22 12:00 CT: Globex is closed. */
export const saturdayNoon = Date.parse('2026-08-22T17:00:00Z');
/** The front ES contract on those dates. */
export const esContract = 'CON.F.US.EP.U26';
/** The 50K combine of the default accounts. */
export const combineAccount = 18_101;

/** An exchange on a hand-driven clock, with every event it emitted. */
export interface ExchangeRig {
  readonly exchange: SimExchange;
  readonly clock: TestTimekeeper;
  readonly events: ExchangeEvent[];
}

/** Builds an exchange listing ES only (unless told otherwise) on a test clock. */
export function buildExchange(options: SimExchangeOptions & { readonly startMs?: number } = {}): ExchangeRig {
  const clock = new TestTimekeeper(options.startMs ?? wednesdayMorning);
  const exchange = createSimExchange({ products: ['ES'], historyDays: 40, ...options, timekeeper: clock });
  const events: ExchangeEvent[] = [];
  exchange.subscribe((event) => events.push(event));
  return { exchange, clock, events };
}

/** Builds an exchange with the feed paused, so prices move only when a test moves them. */
export function buildQuietExchange(options: SimExchangeOptions & { readonly startMs?: number } = {}): ExchangeRig {
  const rig = buildExchange(options);
  rig.exchange.setFeed({ paused: true });
  rig.events.length = 0;
  return rig;
}

/** The last price of a contract as the exchange reports it. */
export function lastPrice(rig: ExchangeRig, contractId = esContract): number {
  const price = rig.exchange.state().prices[contractId];
  if (price === undefined) throw new Error(`no price for ${contractId}`);
  return price;
}

/** Walks the market to a price and lets the clock run until the move is done. */
export async function moveTo(rig: ExchangeRig, price: number, contractId = esContract): Promise<ExchangeAnswer<null>> {
  const done = rig.exchange.movePrice({ contractId, price });
  rig.clock.advance(3000);
  return done;
}

/** The payload of an answer, or a thrown error naming the failure. */
export function valueOf<T>(answer: ExchangeAnswer<T>): T {
  if (answer.errorCode !== 0 || answer.value === undefined) throw new Error(`answer failed: ${answer.errorCode} ${String(answer.errorMessage)}`);
  return answer.value;
}

/** Order, trade, position and account events, in order, as `kind:id:status` style labels. */
export function userEventLabels(events: readonly ExchangeEvent[]): string[] {
  const labels: string[] = [];
  for (const event of events) {
    if (event.kind === 'order') labels.push(`order:${event.order.id}:${event.order.status}`);
    else if (event.kind === 'trade') labels.push(`trade:${event.trade.orderId}`);
    else if (event.kind === 'position') labels.push(`position:${event.position.size}`);
    else if (event.kind === 'account') labels.push('account');
  }
  return labels;
}

/** The order events in order. */
export function orderEvents(events: readonly ExchangeEvent[]): OrderModel[] {
  return events.flatMap((event) => (event.kind === 'order' ? [event.order] : []));
}

/** The fills announced, in order. */
export function tradeEvents(events: readonly ExchangeEvent[]): HalfTradeModel[] {
  return events.flatMap((event) => (event.kind === 'trade' ? [event.trade] : []));
}

/** The position updates announced, in order. */
export function positionEvents(events: readonly ExchangeEvent[]): PositionModel[] {
  return events.flatMap((event) => (event.kind === 'position' ? [event.position] : []));
}

/** The current state of one order. */
export function orderById(rig: ExchangeRig, orderId: number, accountId = combineAccount): OrderModel {
  return valueOf(rig.exchange.searchOrderById({ accountId, orderId }));
}

/** A market order body. */
export function marketOrder(side: 0 | 1, size: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { accountId: combineAccount, contractId: esContract, type: 2, side, size, ...extra };
}
