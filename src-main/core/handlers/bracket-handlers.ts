import { ok } from '../../../src-shared/result';
import type { ContractHandlers } from '../contract-dispatcher';
import type { OrderService } from '../orders/order-service';
import type { TemplateCatalog } from '../protection/template-catalog';

/** Bracket templates, account defaults and the missing-stop policy. */
export function createBracketHandlers(
  catalog: TemplateCatalog,
  orders: OrderService,
): Pick<ContractHandlers, 'brackets.list' | 'brackets.set' | 'brackets.remove' | 'brackets.default' | 'brackets.options'> {
  return {
    'brackets.list': () => ok({ templates: catalog.list(), defaults: catalog.defaults(), missingStop: catalog.missingStop() }),
    'brackets.set': (request) => ok(catalog.set(request.template)),
    'brackets.remove': (request) => catalog.remove(request.name),
    'brackets.default': (request) => {
      const account = orders.account(request.accountId);
      if (!account.ok) return account;
      const symbol = request.symbol?.toUpperCase() ?? null;
      if (request.clear) catalog.clearDefault(account.value, symbol);
      else {
        const set = catalog.setDefault(account.value, symbol, request.template);
        if (!set.ok) return set;
      }
      return ok(catalog.defaults().filter((row) => row.accountId === account.value));
    },
    'brackets.options': (request) => ok({ missingStop: request.missingStop === undefined ? catalog.missingStop() : catalog.setMissingStop(request.missingStop) }),
  };
}
