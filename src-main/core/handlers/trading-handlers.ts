import { fail, ok } from '../../../src-shared/result';
import type { ContractHandlers } from '../contract-dispatcher';
import type { OrderService } from '../orders/order-service';
import { summarizeAccount, summarizePosition } from '../positions/summaries';
import type { TradingCore } from '../trading-core';

/** Accounts, positions, orders and fills; every order goes through the order service. */
export function createTradingHandlers(
  core: TradingCore,
  orders: OrderService,
): Pick<
  ContractHandlers,
  | 'accounts.list'
  | 'accounts.select'
  | 'positions.list'
  | 'orders.list'
  | 'fills.list'
  | 'orders.place'
  | 'orders.modify'
  | 'orders.cancel'
  | 'orders.cancelAll'
  | 'positions.flatten'
  | 'positions.reverse'
> {
  return {
    'accounts.list': () => ok([...core.accounts.values()].map((account) => summarizeAccount(core, account))),
    'accounts.select': (request) => {
      const account = core.accounts.get(request.accountId);
      if (account === undefined) return fail('not-found', `account ${request.accountId} is not one of this login's accounts`, 'accountId');
      core.selectedAccountId = account.id;
      for (const id of core.accounts.keys()) core.announceAccount(id);
      return ok(account);
    },
    'positions.list': (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      return ok(
        core.positions.of(accountId.value).flatMap((position) => {
          const contract = core.contracts.known(position.contractId);
          return contract === undefined ? [] : [summarizePosition(core, position, contract)];
        }),
      );
    },
    'orders.list': (request) => {
      const accountId = orders.account(request.accountId);
      if (!accountId.ok) return accountId;
      return ok(request.scope === 'working' ? core.orders.working(accountId.value) : core.orders.recent(accountId.value, 500));
    },
    'fills.list': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(core.fills.recent(accountId.value, request.limit)) : accountId;
    },
    'orders.place': (request) => orders.place(request, 'trader'),
    'orders.modify': (request) => orders.modify(request, 'trader'),
    'orders.cancel': (request) => orders.cancel(request.accountId, request.orderId, 'trader', 'normal', request.deadlineMs),
    'orders.cancelAll': (request) => orders.cancelAll(request.accountId, request.symbol, 'trader'),
    // A flatten is a panic action: the priority lane, like the risk manager's enforcement.
    'positions.flatten': (request) => orders.flatten(request.accountId, request.symbol, 'trader', 'priority'),
    'positions.reverse': (request) => orders.reverse(request.accountId, request.symbol, 'trader'),
  };
}
