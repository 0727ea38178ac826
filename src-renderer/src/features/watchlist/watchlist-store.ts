import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface WatchlistState {
  readonly symbols: readonly string[];
  readonly actions: {
    symbolAdded(symbol: string): void;
    symbolRemoved(symbol: string): void;
  };
}

const useWatchlistStore = create<WatchlistState>()(
  persist(
    (set) => ({
      symbols: ['ES', 'NQ', 'MES', 'MNQ', 'CL', 'GC'],
      actions: {
        symbolAdded: (symbol) =>
          set((state) => {
            const upper = symbol.trim().toUpperCase();
            return upper === '' || state.symbols.includes(upper) ? state : { symbols: [...state.symbols, upper] };
          }),
        symbolRemoved: (symbol) => set((state) => ({ symbols: state.symbols.filter((existing) => existing !== symbol) })),
      },
    }),
    { name: 'terminal.watchlist', version: 1, partialize: (state) => ({ symbols: state.symbols }) },
  ),
);

/** The watched symbols, in the trader's order. */
export function useWatchlistSymbols(): readonly string[] {
  return useWatchlistStore((state) => state.symbols);
}

/** Events that change the watchlist. */
export function useWatchlistActions(): WatchlistState['actions'] {
  return useWatchlistStore((state) => state.actions);
}
