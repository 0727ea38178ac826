import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { fromBarColumns } from '../../../../src-shared/domain/bar-columns';
import type { StrategyMark } from '../../../../src-shared/domain/strategies';
import type { BarView } from '../../../../src-shared/domain/trading';
import { ok, type AppError } from '../../../../src-shared/result';
import { ContractCallError, callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { strategyKeys } from '../../lib/queries/query-keys';
import type { Timeframe } from '../../lib/timeframes';
import type { BarsLoader } from './chart-history';
import type { IndicatorsLoader } from './indicator-layer';

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
          queryFn: async () =>
            fromBarColumns(
              (
                await callOrThrow(api, 'market.bars', {
                  symbol: contractId ?? '',
                  unit: timeframe.unit,
                  unitNumber: timeframe.unitNumber,
                  count,
                  ...(to === undefined ? {} : { to }),
                })
              ).bars,
            ),
          staleTime: to === undefined ? 0 : Infinity,
          gcTime: 5 * 60_000,
          // Up to 100,000 bars: comparing them with the previous copy costs more than it saves.
          structuralSharing: false,
        });
        return ok(bars);
      } catch (error) {
        return { ok: false, error: failureOf(error) };
      }
    },
    [api, client, contractId, timeframe],
  );
  return contractId === undefined ? undefined : load;
}

function failureOf(error: unknown): AppError {
  return error instanceof ContractCallError ? error.error : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Indicators over the newest bars of the chart's series, computed by the core (not cached: the bars move on). */
export function useIndicatorsLoader(contractId: string | undefined, timeframe: Timeframe): IndicatorsLoader | undefined {
  const api = useTerminalApi();
  const load = useCallback<IndicatorsLoader>(
    async (indicators, count) => {
      const result = await api.invoke('indicators.compute', {
        symbol: contractId ?? '',
        unit: timeframe.unit,
        unitNumber: timeframe.unitNumber,
        count,
        indicators: [...indicators],
      });
      return result.ok ? ok(result.value.series) : result;
    },
    [api, contractId, timeframe],
  );
  return contractId === undefined ? undefined : load;
}

const noMarks: ReadonlyMap<number, StrategyMark> = new Map();

/**
 * Which of the account's orders on a contract strategies placed, by order id. Read again when an
 * order the marks do not know shows up (a new order or fill on the chart) and when a strategy's
 * orders change (the strategy event sync invalidates them); never polled.
 */
export function useStrategyMarks(
  accountId: number | undefined,
  contractId: string | undefined,
  orderIds: readonly number[],
): ReadonlyMap<number, StrategyMark> {
  const api = useTerminalApi();
  const link = useLinkState();
  const newest = orderIds.reduce((largest, id) => Math.max(largest, id), 0);
  const marks = useQuery({
    queryKey: [...strategyKeys.marks(accountId ?? 0, contractId ?? ''), newest],
    queryFn: () => callOrThrow(api, 'strategies.marks', { accountId, symbol: contractId ?? '' }),
    enabled: link === 'live' && accountId !== undefined && contractId !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = marks.data;
  return useMemo(() => (data === undefined ? noMarks : new Map(data.map((mark) => [mark.orderId, mark]))), [data]);
}
