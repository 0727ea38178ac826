import { create } from 'zustand';

interface StrategiesViewState {
  /** The strategy whose parameters and log are shown. */
  readonly selectedId: string | undefined;
  /** Whether the new-strategy dialog is open. */
  readonly creating: boolean;
  readonly actions: {
    strategySelected(id: string | undefined): void;
    creationOpened(): void;
    creationClosed(): void;
  };
}

const useStrategiesViewStore = create<StrategiesViewState>()((set) => ({
  selectedId: undefined,
  creating: false,
  actions: {
    strategySelected: (selectedId) => set({ selectedId }),
    creationOpened: () => set({ creating: true }),
    creationClosed: () => set({ creating: false }),
  },
}));

/** The strategy chosen in the table. */
export function useSelectedStrategyId(): string | undefined {
  return useStrategiesViewStore((state) => state.selectedId);
}

/** Whether the new-strategy dialog is open. */
export function useCreatingStrategy(): boolean {
  return useStrategiesViewStore((state) => state.creating);
}

/** Events of the strategies tab. */
export function useStrategiesViewActions(): StrategiesViewState['actions'] {
  return useStrategiesViewStore((state) => state.actions);
}
