import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface WorkspaceState {
  /** The symbol the order ticket trades and the focused chart shows. */
  readonly activeSymbol: string;
  readonly actions: {
    symbolActivated(symbol: string): void;
  };
}

const useWorkspaceStore = create<WorkspaceState>()(
  persist(
    (set) => ({
      activeSymbol: 'ES',
      actions: {
        symbolActivated: (symbol) => set({ activeSymbol: symbol.trim().toUpperCase() }),
      },
    }),
    { name: 'terminal.workspace', version: 1, partialize: (state) => ({ activeSymbol: state.activeSymbol }) },
  ),
);

/** The symbol the trader is working on. */
export function useActiveSymbol(): string {
  return useWorkspaceStore((state) => state.activeSymbol);
}

/** Events that change the workspace. */
export function useWorkspaceActions(): WorkspaceState['actions'] {
  return useWorkspaceStore((state) => state.actions);
}
