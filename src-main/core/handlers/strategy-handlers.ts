import { ok } from '../../../src-shared/result';
import type { ContractHandlers } from '../contract-dispatcher';
import type { OrderService } from '../orders/order-service';
import type { StrategyService } from '../strategy/strategy-service';
import type { TradingCore } from '../trading-core';

/** The strategy channels. */
export type StrategyChannel =
  | 'strategies.kinds'
  | 'strategies.list'
  | 'strategies.get'
  | 'strategies.create'
  | 'strategies.start'
  | 'strategies.pause'
  | 'strategies.resume'
  | 'strategies.stop'
  | 'strategies.parameters'
  | 'strategies.remove'
  | 'strategies.log'
  | 'strategies.marks';

/** Strategies of an account; accounts default to the selected one. */
export function createStrategyHandlers(strategies: StrategyService, core: TradingCore, orders: OrderService): Pick<ContractHandlers, StrategyChannel> {
  return {
    'strategies.kinds': () => ok(strategies.kindViews()),
    'strategies.list': (request) => {
      if (request.allAccounts) return ok(strategies.list(undefined));
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(strategies.list(accountId.value)) : accountId;
    },
    'strategies.get': (request) => strategies.detail(request.id),
    'strategies.create': async (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      return strategies.create({ accountId: accountId.value, kind: request.kind, symbol: request.symbol, name: request.name, parameters: request.parameters });
    },
    'strategies.start': (request) => strategies.startStrategy(request.id),
    'strategies.pause': (request) => strategies.pause(request.id),
    'strategies.resume': (request) => strategies.resume(request.id),
    'strategies.stop': (request) => strategies.stopStrategy(request.id, request.flatten),
    'strategies.parameters': (request) => strategies.setParameters(request.id, request.parameters),
    'strategies.remove': (request) => strategies.remove(request.id),
    'strategies.log': (request) => {
      const detail = strategies.detail(request.id, request.limit);
      return detail.ok ? ok([...detail.value.log]) : detail;
    },
    'strategies.marks': async (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      if (request.symbol === undefined) return ok(strategies.marks(accountId.value, undefined));
      const contract = await core.contracts.resolve(request.symbol);
      return contract.ok ? ok(strategies.marks(accountId.value, contract.value.id)) : contract;
    },
  };
}
