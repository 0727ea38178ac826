import { create } from 'zustand';

interface OrdersViewState {
  readonly scope: 'working' | 'recent';
  readonly actions: { scopeChosen(scope: 'working' | 'recent'): void };
}

const useOrdersViewStore = create<OrdersViewState>()((set) => ({
  scope: 'working',
  actions: { scopeChosen: (scope) => set({ scope }) },
}));

/** Whether the orders tab lists working orders or the day's orders. */
export function useOrdersScope(): 'working' | 'recent' {
  return useOrdersViewStore((state) => state.scope);
}

/** Events of the orders tab. */
export function useOrdersViewActions(): OrdersViewState['actions'] {
  return useOrdersViewStore((state) => state.actions);
}
