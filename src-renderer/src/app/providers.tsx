import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BridgeProvider } from '../bridge/bridge-context';
import { QuoteFeedProvider } from '../lib/quote-feed-context';
import type { TerminalBridge } from '../bridge/terminal-bridge';

// Main-owned state is pushed by events: no refetch on focus, no polling.
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: Infinity } },
});

/** Everything the features need from above: the bridge and the query cache. */
export function Providers({ bridge, children }: { bridge: TerminalBridge; children: ReactNode }) {
  return (
    <BridgeProvider bridge={bridge}>
      <QueryClientProvider client={queryClient}>
        <QuoteFeedProvider>{children}</QuoteFeedProvider>
      </QueryClientProvider>
    </BridgeProvider>
  );
}
