import type { ContractView, OrderView, QuoteView } from '../../../../src-shared/domain/trading';
import { useLastQuotes } from '../../lib/quote-feed-context';
import { useContractsById, useRecentOrders, useSelectedAccount, useWorkingOrders } from '../../lib/queries/trading-queries';

/** An order row with its contract and its distance from the market. */
export interface OrderRow {
  readonly order: OrderView;
  readonly contract: ContractView | undefined;
  /** Ticks between the order's price and the last trade, signed toward a fill (positive = away). */
  readonly distanceTicks: number | undefined;
}

/** How far a working order is from filling, in ticks: a buy limit below the market is positive. */
export function distanceToFill(order: OrderView, lastTicks: number | null | undefined): number | undefined {
  if (order.status !== 'open') return undefined;
  const price = order.type === 'stop' || order.type === 'stop-limit' || order.type === 'trailing-stop' ? order.stopTicks : order.limitTicks;
  if (price === null || lastTicks === null || lastTicks === undefined) return undefined;
  const resting = order.type === 'limit';
  const below = lastTicks - price;
  return order.side === 'buy' ? (resting ? below : -below) : resting ? -below : below;
}

/** The orders tab's rows: working orders, or the day's orders, with contracts and live distance. */
export function useOrderRows(scope: 'working' | 'recent'): { rows: OrderRow[]; accountId: number | undefined } {
  const accountId = useSelectedAccount()?.account.id;
  const working = useWorkingOrders(accountId);
  const recent = useRecentOrders(accountId, scope === 'recent');
  const orders = (scope === 'working' ? working.data : recent.data) ?? [];
  const contracts = useContractsById(orders.map((order) => order.contractId));
  const quotes: ReadonlyMap<string, QuoteView> = useLastQuotes(scope === 'working' ? orders.map((order) => order.contractId) : []);
  const rows = orders.map((order) => ({
    order,
    contract: contracts.get(order.contractId),
    distanceTicks: distanceToFill(order, quotes.get(order.contractId)?.lastTicks),
  }));
  return { rows, accountId };
}
