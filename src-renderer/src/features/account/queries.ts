import { useQueryClient } from '@tanstack/react-query';
import type { AccountSummary } from '../../../../src-shared/domain/summaries';
import { openProfit } from '../../lib/profit-and-loss';
import { useLastQuotes } from '../../lib/quote-feed-context';
import { accountKeys } from '../../lib/queries/query-keys';
import { useAccounts, usePositions, useSelectedAccount } from '../../lib/queries/trading-queries';
import { useContractAction } from '../../lib/use-contract-action';

/** The selected account's open P&L from live quotes (the terminal's figure until quotes arrive). */
export function useLiveOpenCents(summary: AccountSummary | undefined): number | undefined {
  const positions = usePositions(summary?.account.id).data;
  const quotes = useLastQuotes(positions?.map((position) => position.contract.id) ?? []);
  if (summary === undefined) return undefined;
  if (positions === undefined) return summary.openCents;
  return positions.reduce((total, position) => {
    const mark = quotes.get(position.contract.id)?.lastTicks ?? position.markTicks;
    return total + (mark === null ? position.openCents : openProfit(position.position, mark, position.contract).cents);
  }, 0);
}

/** The account picker's data and its select action (the main process keeps the selection). */
export function useAccountPicker() {
  const accounts = useAccounts();
  const selected = useSelectedAccount();
  const client = useQueryClient();
  const select = useContractAction('accounts.select');
  return {
    accounts: accounts.data ?? [],
    selected,
    error: select.error,
    choose: async (accountId: number) => {
      const chosen = await select.run({ accountId });
      if (chosen !== undefined) {
        client.setQueryData<AccountSummary[]>(accountKeys.list(), (list) =>
          list?.map((summary) => ({ ...summary, selected: summary.account.id === accountId })),
        );
      }
    },
  };
}
