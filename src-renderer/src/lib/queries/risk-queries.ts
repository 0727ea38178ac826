import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RiskConfigView, RiskStateView } from '../../../../src-shared/domain/risk';
import { callOrThrow, useContractEvent, useLinkState, useTerminalApi } from '../../bridge/bridge-context';

/** Risk key factory: state and configuration per account. */
export const riskKeys = {
  all: ['risk'] as const,
  account: (accountId: number) => [...riskKeys.all, accountId] as const,
  state: (accountId: number) => [...riskKeys.account(accountId), 'state'] as const,
  config: (accountId: number) => [...riskKeys.account(accountId), 'config'] as const,
};

/**
 * The risk manager's state of an account (docs/risk-rules.md §9): rules against limits, locks,
 * breaches, the floor. Read once, then replaced by every `risk.state` event (no polling).
 */
export function useRiskState(accountId: number | undefined): { data: RiskStateView | undefined; available: boolean } {
  const api = useTerminalApi();
  const link = useLinkState();
  const state = useQuery({
    queryKey: riskKeys.state(accountId ?? 0),
    queryFn: () => callOrThrow(api, 'risk.state', { accountId }),
    enabled: link === 'live' && accountId !== undefined,
    retry: false,
  });
  return { data: state.data, available: !state.isError };
}

/** Keeps every account's risk state current from `risk.state` events; mounted once by the app shell. */
export function useRiskEventSync(): void {
  const client = useQueryClient();
  const link = useLinkState();
  useContractEvent('risk.state', (state) => client.setQueryData(riskKeys.state(state.accountId), state));
  // Events sent while the link was down are lost: read again when it returns.
  useEffect(() => {
    if (link === 'live') void client.invalidateQueries({ queryKey: riskKeys.all });
  }, [client, link]);
}

/** The account's risk configuration and its lock-in. */
export function useRiskConfig(accountId: number | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: riskKeys.config(accountId ?? 0),
    queryFn: () => callOrThrow(api, 'risk.config.get', { accountId }),
    enabled: link === 'live' && accountId !== undefined,
    retry: false,
  });
}

/** Stores a configuration the risk manager answered with (after set, import, preset or lock-in). */
export function useRememberRiskConfig(): (view: RiskConfigView) => void {
  const client = useQueryClient();
  return (view) => client.setQueryData(riskKeys.config(view.accountId), view);
}

/** The reason order entry is locked for an account, when a lock covers it. */
export function useRiskLock(accountId: number | undefined): string | undefined {
  const lock = useRiskState(accountId).data?.effectiveLock;
  return lock === null || lock === undefined ? undefined : lock.denial;
}

/** Distance from equity to the max-loss floor (rule 014), when the risk manager reports it. */
export function useRiskFloor(
  accountId: number | undefined,
  equityCents: number | undefined,
): { distanceCents: number | undefined; warning: boolean; title: string } {
  const state = useRiskState(accountId).data;
  const floor = state?.maxLossFloor;
  if (floor === null || floor === undefined)
    return { distanceCents: undefined, warning: false, title: 'Distance to the max loss floor (rule 014 is off or not reported)' };
  const distance = equityCents === undefined ? floor.distanceCents : equityCents - floor.floorCents;
  const health = state?.rules.find((rule) => rule.id === '014')?.health;
  return {
    distanceCents: distance,
    warning: health === 'warning' || health === 'breached',
    title: `Equity above the max loss floor of $${(floor.floorCents / 100).toFixed(2)}`,
  };
}
