import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { nextSort, type SortState } from './sorting';

interface SortStore<Column extends string> {
  readonly sort: SortState<Column>;
  readonly actions: { columnClicked(column: Column): void };
}

/** A small persisted store for one table's sort, with its hooks (one per table feature). */
export function createSortStore<Column extends string>(
  name: string,
  initial: SortState<Column>,
): {
  useSort(): SortState<Column>;
  useSortActions(): SortStore<Column>['actions'];
} {
  const store: UseBoundStore<StoreApi<SortStore<Column>>> = create<SortStore<Column>>()(
    persist(
      (set) => ({
        sort: initial,
        actions: { columnClicked: (column) => set((state) => ({ sort: nextSort(state.sort, column) })) },
      }),
      { name: `terminal.sort.${name}`, version: 1, partialize: (state) => ({ sort: state.sort }) },
    ),
  );
  return {
    useSort: () => store((state) => state.sort),
    useSortActions: () => store((state) => state.actions),
  };
}
