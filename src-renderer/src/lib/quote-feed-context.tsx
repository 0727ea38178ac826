import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { QuoteView } from '../../../src-shared/domain/trading';
import { useLinkState, useTerminalApi } from '../bridge/bridge-context';
import { BarFeed } from './bar-feed';
import { QuoteFeed } from './quote-feed';

const QuoteFeedContext = createContext<QuoteFeed | undefined>(undefined);
const BarFeedContext = createContext<BarFeed | undefined>(undefined);

/** Owns the page's one quote feed and bar feed, and re-watches symbols when the link to the terminal returns. */
export function QuoteFeedProvider({ children }: { children: ReactNode }) {
  const api = useTerminalApi();
  const link = useLinkState();
  const [feed] = useState(() => new QuoteFeed(api));
  const [bars] = useState(() => new BarFeed(api));
  useEffect(() => () => feed.dispose(), [feed]);
  useEffect(() => () => bars.dispose(), [bars]);
  useEffect(() => {
    if (link === 'live') feed.rewatch();
  }, [feed, link]);
  return (
    <QuoteFeedContext.Provider value={feed}>
      <BarFeedContext.Provider value={bars}>{children}</BarFeedContext.Provider>
    </QuoteFeedContext.Provider>
  );
}

/** The page's live bar feed, for the charts. */
export function useBarFeed(): BarFeed {
  const feed = useContext(BarFeedContext);
  if (feed === undefined) throw new Error('QuoteFeedProvider is missing');
  return feed;
}

/** The page's quote feed, for imperative consumers such as the chart. */
export function useQuoteFeed(): QuoteFeed {
  const feed = useContext(QuoteFeedContext);
  if (feed === undefined) throw new Error('QuoteFeedProvider is missing');
  return feed;
}

/** The latest quote of a contract, re-rendering at most once per frame as ticks arrive. */
export function useLastQuote(contractId: string | undefined): QuoteView | undefined {
  const feed = useQuoteFeed();
  const subscribe = useCallback(
    (listener: () => void) => (contractId === undefined ? () => undefined : feed.subscribeView(contractId, listener)),
    [feed, contractId],
  );
  const snapshot = useCallback(() => (contractId === undefined ? undefined : feed.latest(contractId)), [feed, contractId]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** Streams a symbol's quotes while the component is mounted (the terminal keeps them coming). */
export function useWatchSymbol(symbol: string | undefined): void {
  const feed = useQuoteFeed();
  const link = useLinkState();
  useEffect(() => {
    if (symbol !== undefined && link === 'live') void feed.watch(symbol);
  }, [feed, symbol, link]);
}

/** The latest quotes of several contracts, re-rendering at most once per frame (tables of live P&L). */
export function useLastQuotes(contractIds: readonly string[]): ReadonlyMap<string, QuoteView> {
  const feed = useQuoteFeed();
  const key = [...new Set(contractIds)].sort().join('|');
  const [, setVersion] = useState(0);
  useEffect(() => {
    const ids = key === '' ? [] : key.split('|');
    for (const contractId of ids) void feed.watch(contractId);
    const stops = ids.map((contractId) => feed.subscribeView(contractId, () => setVersion((version) => version + 1)));
    return () => {
      for (const stop of stops) stop();
    };
  }, [feed, key]);
  const quotes = new Map<string, QuoteView>();
  for (const contractId of contractIds) {
    const quote = feed.latest(contractId);
    if (quote !== undefined) quotes.set(contractId, quote);
  }
  return quotes;
}
