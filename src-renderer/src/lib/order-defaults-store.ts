import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { BracketChoice } from './bracket-choice';
import { clampWhole } from './ticks';

/** Largest size the ticket allows (the contract allows more; a fat finger should not). */
export const maxTicketSize = 100;
/** Farthest custom stop and target, in ticks (a bracket template's own limits). */
export const maxCustomStopTicks = 2000;
export const maxCustomTargetTicks = 5000;

interface OrderDefaultsState {
  /** Size the ticket, the hotkeys and chart trading use. */
  readonly size: number;
  readonly sizePresets: readonly [number, number, number, number];
  /** The custom stop and target ("Custom SL/TP"). */
  readonly stopLossTicks: number;
  readonly takeProfitTicks: number;
  /**
   * The bracket the trader picked, by account and root (`7|ES`), for this session: without a pick
   * the account's default template for the contract applies.
   */
  readonly bracketPicks: Readonly<Record<string, BracketChoice>>;
  readonly actions: {
    sizeChanged(size: number): void;
    sizePresetChosen(index: number): void;
    sizePresetsEdited(presets: readonly [number, number, number, number]): void;
    bracketPicked(key: string, choice: BracketChoice): void;
    stopLossChanged(ticks: number): void;
    takeProfitChanged(ticks: number): void;
  };
}

const useOrderDefaultsStore = create<OrderDefaultsState>()(
  persist(
    (set, get) => ({
      size: 1,
      sizePresets: [1, 2, 3, 5],
      stopLossTicks: 8,
      takeProfitTicks: 16,
      bracketPicks: {},
      actions: {
        sizeChanged: (size) => set({ size: clampWhole(size, 1, maxTicketSize) }),
        sizePresetChosen: (index) => {
          const preset = get().sizePresets[index];
          if (preset !== undefined) set({ size: preset });
        },
        sizePresetsEdited: (presets) => set({ sizePresets: presets.map((preset) => clampWhole(preset, 1, maxTicketSize)) as [number, number, number, number] }),
        bracketPicked: (key, choice) => set((state) => ({ bracketPicks: { ...state.bracketPicks, [key]: choice } })),
        stopLossChanged: (ticks) => set({ stopLossTicks: clampWhole(ticks, 1, maxCustomStopTicks) }),
        takeProfitChanged: (ticks) => set({ takeProfitTicks: clampWhole(ticks, 1, maxCustomTargetTicks) }),
      },
    }),
    {
      name: 'terminal.order-defaults',
      version: 2,
      partialize: ({ size, sizePresets, stopLossTicks, takeProfitTicks }) => ({ size, sizePresets, stopLossTicks, takeProfitTicks }),
      migrate: (persisted) => {
        const saved = (persisted ?? {}) as Partial<Pick<OrderDefaultsState, 'size' | 'sizePresets' | 'stopLossTicks' | 'takeProfitTicks'>>;
        return {
          ...saved,
          ...(saved.stopLossTicks === undefined ? {} : { stopLossTicks: clampWhole(saved.stopLossTicks, 1, maxCustomStopTicks) }),
          ...(saved.takeProfitTicks === undefined ? {} : { takeProfitTicks: clampWhole(saved.takeProfitTicks, 1, maxCustomTargetTicks) }),
        } as OrderDefaultsState;
      },
    },
  ),
);

/** The order size in force. */
export function useOrderSize(): number {
  return useOrderDefaultsStore((state) => state.size);
}

/** The four size presets. */
export function useSizePresets(): readonly [number, number, number, number] {
  return useOrderDefaultsStore((state) => state.sizePresets);
}

/** The trader's bracket pick for an account and root (see `pickKey`), if any. */
export function useBracketPick(key: string): BracketChoice | undefined {
  return useOrderDefaultsStore((state) => state.bracketPicks[key]);
}

/** Custom stop-loss distance in ticks. */
export function useStopLossTicks(): number {
  return useOrderDefaultsStore((state) => state.stopLossTicks);
}

/** Custom take-profit distance in ticks. */
export function useTakeProfitTicks(): number {
  return useOrderDefaultsStore((state) => state.takeProfitTicks);
}

/** Events that change the order defaults. */
export function useOrderDefaultsActions(): OrderDefaultsState['actions'] {
  return useOrderDefaultsStore((state) => state.actions);
}

/** The defaults as they are now, for code that runs outside React (chart trading, hotkeys). */
export function readOrderDefaults(): Pick<OrderDefaultsState, 'size' | 'stopLossTicks' | 'takeProfitTicks' | 'bracketPicks'> {
  const { size, stopLossTicks, takeProfitTicks, bracketPicks } = useOrderDefaultsStore.getState();
  return { size, stopLossTicks, takeProfitTicks, bracketPicks };
}
