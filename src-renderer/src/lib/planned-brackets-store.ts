import { create } from 'zustand';
import type { BracketTemplate } from '../../../src-shared/domain/brackets';

/** The template a working entry order's position will get when it fills, as this window sent it. */
export type PlannedBracket = BracketTemplate;

interface PlannedBracketsState {
  readonly byOrder: Readonly<Record<number, PlannedBracket>>;
  readonly actions: {
    entryPlaced(orderId: number, bracket: PlannedBracket): void;
    entryDone(orderId: number): void;
  };
}

const usePlannedBracketsStore = create<PlannedBracketsState>()((set) => ({
  byOrder: {},
  actions: {
    entryPlaced: (orderId, bracket) => set((state) => ({ byOrder: { ...state.byOrder, [orderId]: bracket } })),
    entryDone: (orderId) =>
      set((state) => {
        if (!(orderId in state.byOrder)) return state;
        const rest = { ...state.byOrder };
        delete rest[orderId];
        return { byOrder: rest };
      }),
  },
}));

/** Templates of entry orders placed from this window, by order id (drawn on the chart until the entry fills). */
export function usePlannedBrackets(): Readonly<Record<number, PlannedBracket>> {
  return usePlannedBracketsStore((state) => state.byOrder);
}

/** Events that change the planned brackets. */
export function usePlannedBracketsActions(): PlannedBracketsState['actions'] {
  return usePlannedBracketsStore((state) => state.actions);
}
