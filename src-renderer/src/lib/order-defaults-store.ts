import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { clampWhole } from './ticks';

/** Largest size the ticket allows (the contract allows more; a fat finger should not). */
export const maxTicketSize = 100;

interface OrderDefaultsState {
  /** Size the ticket, the hotkeys and chart trading use. */
  readonly size: number;
  readonly sizePresets: readonly [number, number, number, number];
  readonly bracketsEnabled: boolean;
  readonly stopLossTicks: number;
  readonly takeProfitTicks: number;
  readonly actions: {
    sizeChanged(size: number): void;
    sizePresetChosen(index: number): void;
    sizePresetsEdited(presets: readonly [number, number, number, number]): void;
    bracketsToggled(enabled: boolean): void;
    stopLossChanged(ticks: number): void;
    takeProfitChanged(ticks: number): void;
  };
}

const useOrderDefaultsStore = create<OrderDefaultsState>()(
  persist(
    (set, get) => ({
      size: 1,
      sizePresets: [1, 2, 3, 5],
      bracketsEnabled: true,
      stopLossTicks: 8,
      takeProfitTicks: 16,
      actions: {
        sizeChanged: (size) => set({ size: clampWhole(size, 1, maxTicketSize) }),
        sizePresetChosen: (index) => {
          const preset = get().sizePresets[index];
          if (preset !== undefined) set({ size: preset });
        },
        sizePresetsEdited: (presets) => set({ sizePresets: presets.map((preset) => clampWhole(preset, 1, maxTicketSize)) as [number, number, number, number] }),
        bracketsToggled: (enabled) => set({ bracketsEnabled: enabled }),
        stopLossChanged: (ticks) => set({ stopLossTicks: clampWhole(ticks, 1, 10_000) }),
        takeProfitChanged: (ticks) => set({ takeProfitTicks: clampWhole(ticks, 1, 10_000) }),
      },
    }),
    {
      name: 'terminal.order-defaults',
      version: 1,
      partialize: ({ size, sizePresets, bracketsEnabled, stopLossTicks, takeProfitTicks }) => ({ size, sizePresets, bracketsEnabled, stopLossTicks, takeProfitTicks }),
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

/** Whether new entries carry a stop-loss and a take-profit. */
export function useBracketsEnabled(): boolean {
  return useOrderDefaultsStore((state) => state.bracketsEnabled);
}

/** Stop-loss distance in ticks. */
export function useStopLossTicks(): number {
  return useOrderDefaultsStore((state) => state.stopLossTicks);
}

/** Take-profit distance in ticks. */
export function useTakeProfitTicks(): number {
  return useOrderDefaultsStore((state) => state.takeProfitTicks);
}

/** Events that change the order defaults. */
export function useOrderDefaultsActions(): OrderDefaultsState['actions'] {
  return useOrderDefaultsStore((state) => state.actions);
}

/** The defaults as they are now, for code that runs outside React (chart trading, hotkeys). */
export function readOrderDefaults(): Pick<OrderDefaultsState, 'size' | 'bracketsEnabled' | 'stopLossTicks' | 'takeProfitTicks'> {
  const { size, bracketsEnabled, stopLossTicks, takeProfitTicks } = useOrderDefaultsStore.getState();
  return { size, bracketsEnabled, stopLossTicks, takeProfitTicks };
}
