import { ok } from '../../../src-shared/result';
import type { JournalService } from '../analytics/journal-service';
import type { ContractHandlers } from '../contract-dispatcher';
import type { OrderService } from '../orders/order-service';

/** The trade journal's channels; accounts default to the selected one. */
export function createJournalHandlers(journal: JournalService, orders: OrderService): Pick<ContractHandlers, 'journal.list' | 'journal.stats'> {
  return {
    'journal.list': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(journal.journal(accountId.value, { from: request.from, to: request.to }, request.strategyId, request.limit)) : accountId;
    },
    'journal.stats': (request) => {
      const accountId = orders.account(request.accountId);
      return accountId.ok ? ok(journal.stats(accountId.value, { from: request.from, to: request.to })) : accountId;
    },
  };
}
