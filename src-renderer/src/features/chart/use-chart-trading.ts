import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatPrice } from '../../../../src-shared/domain/money';
import type { ContractView, OrderView } from '../../../../src-shared/domain/trading';
import { useTerminalApi } from '../../bridge/bridge-context';
import { useQuoteFeed } from '../../lib/quote-feed-context';
import { useOrderEntryGate, usePlaceOrder } from '../../lib/order-entry';
import { readOrderDefaults } from '../../lib/order-defaults-store';
import { useBracketCatalog } from '../../lib/queries/bracket-queries';
import { bracketOfEntry } from '../../lib/use-bracket-choice';
import { orderTypeLabel, priceLevelOrderType } from '../../lib/order-request';
import { orderKeys } from '../../lib/queries/query-keys';
import { describeError } from '../../lib/use-contract-action';
import type { MenuItem } from '../../components/context-menu';
import type { ChartPointerHandlers } from './chart-pointer';
import { dragTargets, modifyForDrag } from './order-line-items';

/** A message shown over the chart for a few seconds (a refusal, a rejection). */
export interface ChartMessage {
  readonly text: string;
  readonly tone: 'error' | 'info';
  readonly at: number;
}

/**
 * Chart trading for one chart: places price-level orders with the ticket's size and bracket choice,
 * moves orders by drag (rolled back with the reason when refused), cancels from the line.
 */
export function useChartTrading(contract: ContractView | undefined, accountId: number | undefined, orders: readonly OrderView[]) {
  const api = useTerminalApi();
  const client = useQueryClient();
  const feed = useQuoteFeed();
  const gate = useOrderEntryGate();
  const { place } = usePlaceOrder();
  const catalog = useBracketCatalog().data;
  const [overrides, setOverrides] = useState<ReadonlyMap<number, number>>(new Map());
  const [menu, setMenu] = useState<{ x: number; y: number; ticks: number } | undefined>(undefined);
  const [message, setMessage] = useState<ChartMessage | undefined>(undefined);
  const latest = useRef({ contract, accountId, orders, gate, place, catalog });
  useLayoutEffect(() => {
    latest.current = { contract, accountId, orders, gate, place, catalog };
  });

  const say = (text: string, tone: ChartMessage['tone'] = 'error') => setMessage({ text, tone, at: performance.now() });
  const dragTo = (targets: ReadonlyMap<number, number>) =>
    setOverrides((current) => {
      const next = new Map(current);
      for (const [orderId, ticks] of targets) next.set(orderId, ticks);
      return next;
    });
  const release = (orderIds: Iterable<number>) =>
    setOverrides((current) => {
      const next = new Map(current);
      for (const orderId of orderIds) next.delete(orderId);
      return next;
    });
  const modify = async (order: OrderView, ticks: number, tickSize: number) => {
    const result = await api.invoke('orders.modify', { accountId: order.accountId, orderId: order.id, ...modifyForDrag(order, ticks, tickSize) });
    if (result.ok)
      client.setQueryData<OrderView[]>(orderKeys.working(result.value.accountId), (list) =>
        list?.map((existing) => (existing.id === order.id ? result.value : existing)),
      );
    return result;
  };

  const placeAt = async (side: 'buy' | 'sell', ticks: number) => {
    const now = latest.current;
    if (now.contract === undefined) return;
    if (!now.gate.enabled) return say(`Order not sent: ${now.gate.reason ?? 'order entry is disabled'}`);
    const market = feed.latest(now.contract.id)?.lastTicks ?? ticks;
    const type = priceLevelOrderType(side, ticks, market);
    const defaults = readOrderDefaults();
    // The ticket's bracket choice for this contract (its pick, else the account's default).
    const bracket = bracketOfEntry(now.catalog, now.accountId, now.contract.symbol, defaults.size);
    const outcome = await now.place({
      accountId: now.accountId,
      contract: now.contract,
      side,
      type,
      size: defaults.size,
      ...(type === 'limit' ? { limitTicks: ticks } : { stopTicks: ticks }),
      ...bracket.request,
      plan: bracket.plan,
    });
    if (!outcome.ok) say(`${side === 'buy' ? 'Buy' : 'Sell'} ${type} not placed — ${describeError(outcome.error)}`);
  };

  const handlers: ChartPointerHandlers = {
    orderDragged: (orderId, ticks) => dragTo(dragTargets(latest.current.orders, orderId, ticks)),
    orderDragCancelled: (orderId) => release(dragTargets(latest.current.orders, orderId, 0).keys()),
    orderDropped: (orderId, ticks) => {
      const now = latest.current;
      const targets = dragTargets(now.orders, orderId, ticks);
      const order = now.orders.find((candidate) => candidate.id === orderId);
      if (order === undefined || now.contract === undefined) return release(targets.keys());
      const tickSize = now.contract.tickSize;
      void (async () => {
        const moved = await modify(order, ticks, tickSize);
        if (!moved.ok) say(`Order not moved to ${formatPrice(ticks, tickSize)} — ${describeError(moved.error)}`);
        else {
          // Waiting bracket legs follow the entry so the bracket keeps its distances.
          for (const [legId, legTicks] of targets) {
            const leg = now.orders.find((candidate) => candidate.id === legId);
            if (leg === undefined || legId === orderId) continue;
            const result = await modify(leg, legTicks, tickSize);
            if (!result.ok) say(`Bracket leg not moved to ${formatPrice(legTicks, tickSize)} — ${describeError(result.error)}`);
          }
        }
        release(targets.keys());
      })();
    },
    cancelClicked: (orderId) => {
      const order = latest.current.orders.find((candidate) => candidate.id === orderId);
      void api.invoke('orders.cancel', { accountId: order?.accountId, orderId }).then((result) => {
        if (!result.ok) say(`Order not cancelled — ${describeError(result.error)}`);
      });
    },
    priceClicked: (side, ticks) => void placeAt(side, ticks),
    contextMenu: (x, y, ticks) => setMenu({ x, y, ticks }),
  };
  const stableHandlers = useRef(handlers);
  useLayoutEffect(() => {
    stableHandlers.current = handlers;
  });
  const forwarded = useMemo<ChartPointerHandlers>(
    () => ({
      orderDragged: (orderId, ticks) => stableHandlers.current.orderDragged(orderId, ticks),
      orderDropped: (orderId, ticks) => stableHandlers.current.orderDropped(orderId, ticks),
      orderDragCancelled: (orderId) => stableHandlers.current.orderDragCancelled(orderId),
      cancelClicked: (orderId) => stableHandlers.current.cancelClicked(orderId),
      priceClicked: (side, ticks) => stableHandlers.current.priceClicked(side, ticks),
      contextMenu: (x, y, ticks) => stableHandlers.current.contextMenu(x, y, ticks),
    }),
    [],
  );

  const menuItems = (ticks: number): MenuItem[] => {
    if (contract === undefined) return [];
    const market = feed.latest(contract.id)?.lastTicks ?? ticks;
    const size = readOrderDefaults().size;
    const price = formatPrice(ticks, contract.tickSize);
    const entry = (side: 'buy' | 'sell'): MenuItem => {
      const type = priceLevelOrderType(side, ticks, market);
      return {
        id: `${side}-${type}`,
        label: `${side === 'buy' ? 'Buy' : 'Sell'} ${orderTypeLabel(type)} ${size}`,
        detail: `@ ${price}`,
        tone: side,
        disabled: !gate.enabled,
        action: () => void placeAt(side, ticks),
      };
    };
    const symbolOrders = orders.filter((order) => order.contractId === contract.id).length;
    return [
      entry('buy'),
      entry('sell'),
      { id: 'separator', label: '' },
      {
        id: 'cancel-all',
        label: `Cancel ${contract.name} orders`,
        detail: String(symbolOrders),
        disabled: symbolOrders === 0,
        action: () =>
          void api
            .invoke('orders.cancelAll', { accountId, symbol: contract.id })
            .then((result) => (result.ok ? undefined : say(`Cancel all failed — ${describeError(result.error)}`))),
      },
      {
        id: 'flatten',
        label: `Flatten ${contract.name}`,
        tone: 'danger',
        action: () =>
          void api
            .invoke('positions.flatten', { accountId, symbol: contract.id })
            .then((result) => (result.ok ? undefined : say(`Flatten failed — ${describeError(result.error)}`))),
      },
    ];
  };

  return { handlers: forwarded, overrides, menu, closeMenu: () => setMenu(undefined), menuItems, message, dismissMessage: () => setMessage(undefined) };
}
