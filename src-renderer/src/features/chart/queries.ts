import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { BarView } from '../../../../src-shared/domain/trading';
import { ok, type Result } from '../../../../src-shared/result';
import { ContractCallError, callOrThrow, useTerminalApi } from '../../bridge/bridge-context';
import type { Timeframe } from '../../lib/timeframes';
import type { BarsLoader } from './chart-history';

/** Bar history keys: a page is identified by its contract, timeframe, end and size. */
export const chartKeys = {
  all: ['bars'] as const,
  series: (contractId: string, timeframeId: string) => [...chartKeys.all, contractId, timeframeId] as const,
  page: (contractId: string, timeframeId: string, to: number | 'latest', count: number) => [...chartKeys.series(contractId, timeframeId), to, count] as const,
};

/**
 * A loader of history pages for one chart. Older pages (with `to`) never change and stay cached;
 * the latest page is read fresh every time because the market moved since.
 */
export function useBarsLoader(contractId: string | undefined, timeframe: Timeframe): BarsLoader | undefined {
  const api = useTerminalApi();
  const client = useQueryClient();
  const load = useCallback<BarsLoader>(
    async ({ to, count }) => {
      try {
        const bars = await client.fetchQuery<BarView[]>({
          queryKey: chartKeys.page(contractId ?? '', timeframe.id, to ?? 'latest', count),
          queryFn: async () => (await callOrThrow(api, 'market.bars', { symbol: contractId ?? '', unit: timeframe.unit, unitNumber: timeframe.unitNumber, count, ...(to === undefined ? {} : { to }) })).bars,
          staleTime: to === undefined ? 0 : Infinity,
          gcTime: 5 * 60_000,
        });
        return ok(bars);
      } catch (error) {
        const failure: Result<BarView[]> = { ok: false, error: error instanceof ContractCallError ? error.error : { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
        return failure;
      }
    },
    [api, client, contractId, timeframe],
  );
  return contractId === undefined ? undefined : load;
}
