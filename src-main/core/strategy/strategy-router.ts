import type { BrokerEvent } from '../ports/broker-port';
import type { TradingCore } from '../trading-core';
import type { LiveStrategy } from './live-strategy';
import type { OrderAttribution } from './order-attribution';

/**
 * Routes broker events (after the core's state took them) to the strategies they concern: prints
 * and quotes of their contracts, updates and fills of their own orders, and a position closed
 * outside them (the trader or the risk manager flattened).
 */
export function routeBrokerEvent(event: BrokerEvent, strategies: Iterable<LiveStrategy>, attribution: OrderAttribution, core: TradingCore): void {
  switch (event.kind) {
    case 'tape':
      for (const strategy of strategies) if (strategy.setup.contract.id === event.contractId) strategy.tape(event.trades);
      return;
    case 'quote':
      for (const strategy of strategies) if (strategy.setup.contract.id === event.quote.contractId) strategy.runtime.deliverQuote(event.quote);
      return;
    case 'order': {
      const known = attribution.strategyOf(event.order.id) !== null;
      const owner = attribution.of(event.order);
      if (owner === undefined) return;
      for (const strategy of strategies) {
        if (strategy.id !== owner.strategyId) continue;
        strategy.runtime.deliverOrder(core.orders.get(event.order.id) ?? event.order, owner.role);
        // A bracket leg recognised only now may have filled before its order event arrived.
        if (!known)
          for (const fill of core.fills.recent(event.order.accountId, 200).reverse()) if (fill.orderId === event.order.id) strategy.runtime.deliverFill(fill);
      }
      return;
    }
    case 'fill': {
      const owner = attribution.strategyOf(event.fill.orderId);
      if (owner === null) return;
      for (const strategy of strategies) if (strategy.id === owner) strategy.runtime.deliverFill(event.fill);
      return;
    }
    case 'position':
      if (event.position.size === 0) for (const strategy of strategies) closedOutside(strategy, event.position.accountId, event.position.contractId);
      return;
    case 'reconciled': {
      const { snapshot } = event;
      for (const strategy of strategies) {
        if (strategy.setup.accountId !== snapshot.accountId) continue;
        // Orders that ended while the link was down come back from the core's reconciled book.
        for (const order of [...strategy.runtime.working.values()]) {
          const now = core.orders.get(order.id);
          if (now !== undefined && now !== order) strategy.runtime.deliverOrder(now, strategy.runtime.roles.get(order.id) ?? 'other');
        }
        for (const fill of snapshot.fills) if (attribution.strategyOf(fill.orderId) === strategy.id) strategy.runtime.deliverFill(fill);
        if (!snapshot.positions.some((position) => position.contractId === strategy.setup.contract.id))
          closedOutside(strategy, snapshot.accountId, strategy.setup.contract.id);
      }
      return;
    }
    default:
      return;
  }
}

function closedOutside(strategy: LiveStrategy, accountId: number, contractId: string): void {
  const { runtime, setup } = strategy;
  if (setup.accountId !== accountId || setup.contract.id !== contractId || runtime.ledger.position().size === 0) return;
  runtime.ledger.resetPosition();
  runtime.record('warning', 'the position was closed outside the strategy (by the trader or the risk manager)');
  strategy.changed();
}
