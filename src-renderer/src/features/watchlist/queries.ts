import { useQuery } from '@tanstack/react-query';
import { callOrThrow, useLinkState, useTerminalApi } from '../../bridge/bridge-context';
import { contractKeys } from '../../lib/queries/query-keys';

const watchlistKeys = {
  all: ['watchlist'] as const,
  reference: (contractId: string) => [...watchlistKeys.all, 'reference', contractId] as const,
};

/** What a watchlist row compares the last price with: the previous session's close and the day's path. */
export interface Reference {
  readonly previousCloseTicks: number | undefined;
  /** Closes of the last day in 15-minute bars, for the spark line. */
  readonly path: readonly number[];
}

/**
 * The previous close and the recent path of a contract. Read once per session: the live part of
 * the row comes from the tape, not from polling.
 */
export function useReference(contractId: string | undefined) {
  const api = useTerminalApi();
  const link = useLinkState();
  return useQuery({
    queryKey: watchlistKeys.reference(contractId ?? ''),
    queryFn: async (): Promise<Reference> => {
      const symbol = contractId ?? '';
      const [days, path] = await Promise.all([
        callOrThrow(api, 'market.bars', { symbol, unit: 'day', unitNumber: 1, count: 2 }),
        callOrThrow(api, 'market.bars', { symbol, unit: 'minute', unitNumber: 15, count: 96 }),
      ]);
      const closes = days.bars.close;
      return { previousCloseTicks: closes.length >= 2 ? closes.at(-2) : undefined, path: [...path.bars.close] };
    },
    enabled: link === 'live' && contractId !== undefined,
    retry: false,
  });
}

/** Contracts matching typed text (the broker's search). */
export function useContractSearch(text: string) {
  const api = useTerminalApi();
  const link = useLinkState();
  const trimmed = text.trim();
  return useQuery({
    queryKey: contractKeys.search(trimmed),
    queryFn: () => callOrThrow(api, 'contracts.search', { text: trimmed }),
    enabled: link === 'live' && trimmed.length >= 1,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
