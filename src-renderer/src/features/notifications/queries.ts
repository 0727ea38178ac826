import { useQueryClient } from '@tanstack/react-query';
import { formatPrice } from '../../../../src-shared/domain/money';
import type { ContractView, FillView } from '../../../../src-shared/domain/trading';
import { useContractEvent } from '../../bridge/bridge-context';
import { causeText } from '../../lib/cause-text';
import { contractKeys, strategyKeys } from '../../lib/queries/query-keys';
import type { StrategyView } from '../../../../src-shared/domain/strategies';
import { useNotificationsActions } from './notifications-store';

/** A fill as the feed announces it: who caused it in the title, what traded in the message. */
export function fillNotice(
  fill: FillView,
  contract: ContractView | undefined,
  strategyNames?: ReadonlyMap<string, string>,
): { level: 'info'; title: string; message: string; at: number } {
  const price = contract === undefined ? `${fill.priceTicks} ticks` : formatPrice(fill.priceTicks, contract.tickSize);
  return {
    level: 'info',
    title: `Fill · ${causeText(fill.cause, strategyNames)}`,
    message: `${fill.side === 'buy' ? 'Bought' : 'Sold'} ${fill.size} ${contract?.name ?? fill.contractId} @ ${price}`,
    at: fill.time,
  };
}

/**
 * Keeps the feed filled from `notifications.added`, and announces every fill with its cause (a
 * target, a stop, the risk manager, a strategy). There is no list channel, so the app shell mounts
 * this for the page's life and nothing is missed while the tab is hidden.
 */
export function useNotificationsSync(): void {
  const actions = useNotificationsActions();
  const client = useQueryClient();
  useContractEvent('notifications.added', actions.notificationReceived);
  useContractEvent('fills.added', (fill) => {
    if (fill.voided) return;
    const contract = client.getQueryData<ContractView>(contractKeys.detail(fill.contractId));
    const strategies = client.getQueryData<StrategyView[]>(strategyKeys.list(fill.accountId)) ?? [];
    actions.notificationReceived(fillNotice(fill, contract, new Map(strategies.map((strategy) => [strategy.id, strategy.name]))));
  });
}
