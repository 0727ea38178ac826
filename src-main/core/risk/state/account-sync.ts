import type { PositionView } from '../../../../src-shared/domain/trading';
import type { TradingCore } from '../../trading-core';
import type { RiskEvent } from '../rules/rule-types';
import type { AccountBook } from './account-book';

/** How many of the core's recent fills a resync looks at. */
const fillWindow = 5000;

/**
 * Brings an account's book up to the trading core's state after a reconciliation or a REST read
 * (which change the core without one event per change) and returns the events that stand for what
 * changed: orders, positions, then fills not counted yet (as replays), oldest first.
 */
export function syncFromCore(book: AccountBook, core: TradingCore, now: number, dayOf: (time: number) => string): RiskEvent[] {
  const events: RiskEvent[] = [];
  const { accountId } = book;
  const account = core.accounts.get(accountId);
  if (account !== undefined) book.account = account;

  const working = core.orders.working(accountId);
  const stillWorking = new Set(working.map((order) => order.id));
  for (const orderId of [...book.workingOrders.keys()]) {
    if (stillWorking.has(orderId)) continue;
    const ended = core.orders.get(orderId);
    book.workingOrders.delete(orderId);
    if (ended !== undefined) events.push({ kind: 'order', at: now, order: ended });
  }
  for (const order of working) {
    if (book.workingOrders.get(order.id) === order) continue;
    book.applyOrder(order);
    events.push({ kind: 'order', at: now, order });
  }

  const current = new Map(core.positions.of(accountId).map((position) => [position.contractId, position]));
  const gone: PositionView[] = [...book.positions.values()]
    .filter((position) => !current.has(position.contractId))
    .map((position) => ({ ...position, size: 0 }));
  for (const position of [...current.values(), ...gone]) {
    const known = book.positions.get(position.contractId);
    if (known !== undefined && known.size === position.size && known.averageTicks === position.averageTicks) continue;
    const previousSize = book.applyPosition(position);
    events.push({ kind: 'position', at: now, position, previousSize });
  }

  const fresh = core.fills
    .recent(accountId, fillWindow)
    .filter((fill) => !book.day.has(fill.id))
    .sort((a, b) => a.time - b.time || a.id - b.id);
  for (const fill of fresh) if (book.recordFill(fill, dayOf(fill.time), now)) events.push({ kind: 'trade', at: now, fill, replay: true });
  return events;
}
