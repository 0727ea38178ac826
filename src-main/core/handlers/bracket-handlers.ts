import { ok } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { ContractHandlers } from '../contract-dispatcher';
import type { EventHub } from '../event-hub';
import type { OrderService } from '../orders/order-service';
import type { TemplateCatalog } from '../protection/template-catalog';

/** Bracket templates, account defaults and the missing-stop policy. */
export function createBracketHandlers(
  catalog: TemplateCatalog,
  orders: OrderService,
  events: EventHub,
  clock: Clock,
): Pick<ContractHandlers, 'brackets.list' | 'brackets.set' | 'brackets.remove' | 'brackets.default' | 'brackets.options'> {
  // Every window and the CLI read the catalogue again when it changes anywhere.
  const changed = <T>(result: T): T => {
    events.emit('brackets.changed', { at: clock.now() });
    return result;
  };
  return {
    'brackets.list': () => ok({ templates: catalog.list(), defaults: catalog.defaults(), missingStop: catalog.missingStop() }),
    'brackets.set': (request) => changed(ok(catalog.set(request.template))),
    'brackets.remove': (request) => changed(catalog.remove(request.name)),
    'brackets.default': (request) => {
      const account = orders.account(request.accountId);
      if (!account.ok) return account;
      const symbol = request.symbol?.toUpperCase() ?? null;
      if (request.clear) catalog.clearDefault(account.value, symbol);
      else {
        const set = catalog.setDefault(account.value, symbol, request.template);
        if (!set.ok) return set;
      }
      return changed(ok(catalog.defaults().filter((row) => row.accountId === account.value)));
    },
    'brackets.options': (request) => {
      if (request.missingStop === undefined) return ok({ missingStop: catalog.missingStop() });
      return changed(ok({ missingStop: catalog.setMissingStop(request.missingStop) }));
    },
  };
}
