import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Tabs of the bottom panel. */
export type BottomTab = 'positions' | 'orders' | 'fills' | 'strategies' | 'notifications' | 'diagnostics';

/** The window's screens: the trading workspace, strategies, backtests and trade analytics. */
export type AppView = 'trade' | 'strategies' | 'backtest' | 'analytics';

interface LayoutState {
  readonly leftWidth: number;
  readonly rightWidth: number;
  readonly bottomHeight: number;
  readonly bottomTab: BottomTab;
  readonly view: AppView;
  readonly actions: {
    leftResized(width: number): void;
    rightResized(width: number): void;
    bottomResized(height: number): void;
    bottomTabChosen(tab: BottomTab): void;
    viewChosen(view: AppView): void;
  };
}

const clamp = (value: number, minimum: number, maximum: number) => Math.round(Math.min(maximum, Math.max(minimum, value)));

const useLayoutStore = create<LayoutState>()(
  persist(
    (set) => ({
      leftWidth: 300,
      rightWidth: 360,
      bottomHeight: 240,
      bottomTab: 'positions',
      view: 'trade',
      actions: {
        leftResized: (width) => set({ leftWidth: clamp(width, 180, 600) }),
        rightResized: (width) => set({ rightWidth: clamp(width, 260, 640) }),
        bottomResized: (height) => set({ bottomHeight: clamp(height, 100, 700) }),
        bottomTabChosen: (bottomTab) => set({ bottomTab }),
        viewChosen: (view) => set({ view }),
      },
    }),
    {
      name: 'terminal.layout',
      version: 1,
      partialize: ({ leftWidth, rightWidth, bottomHeight, bottomTab, view }) => ({ leftWidth, rightWidth, bottomHeight, bottomTab, view }),
    },
  ),
);

/** Panel sizes in pixels. */
export function useLayoutSizes(): { leftWidth: number; rightWidth: number; bottomHeight: number } {
  const leftWidth = useLayoutStore((state) => state.leftWidth);
  const rightWidth = useLayoutStore((state) => state.rightWidth);
  const bottomHeight = useLayoutStore((state) => state.bottomHeight);
  return { leftWidth, rightWidth, bottomHeight };
}

/** The bottom panel's tab. */
export function useBottomTab(): BottomTab {
  return useLayoutStore((state) => state.bottomTab);
}

/** The screen shown. */
export function useAppView(): AppView {
  return useLayoutStore((state) => state.view);
}

/** Events that change the layout. */
export function useLayoutActions(): LayoutState['actions'] {
  return useLayoutStore((state) => state.actions);
}
