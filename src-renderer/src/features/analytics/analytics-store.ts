import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Tabs of the analytics screen. */
export type AnalyticsTab = 'journal' | 'stats';
/** Breakdowns of the statistics. */
export type Breakdown = 'byDay' | 'byHour' | 'byContract' | 'byStrategy';

interface AnalyticsState {
  readonly tab: AnalyticsTab;
  readonly breakdown: Breakdown;
  /** Days back from today the period covers. */
  readonly days: number;
  readonly actions: {
    tabChosen(tab: AnalyticsTab): void;
    breakdownChosen(breakdown: Breakdown): void;
    daysChosen(days: number): void;
  };
}

const useAnalyticsStore = create<AnalyticsState>()(
  persist(
    (set) => ({
      tab: 'journal',
      breakdown: 'byDay',
      days: 30,
      actions: {
        tabChosen: (tab) => set({ tab }),
        breakdownChosen: (breakdown) => set({ breakdown }),
        daysChosen: (days) => set({ days }),
      },
    }),
    { name: 'terminal.analytics', version: 1, partialize: ({ tab, breakdown, days }) => ({ tab, breakdown, days }) },
  ),
);

/** The analytics screen's tab, breakdown and period. */
export function useAnalyticsView(): Pick<AnalyticsState, 'tab' | 'breakdown' | 'days'> {
  const tab = useAnalyticsStore((state) => state.tab);
  const breakdown = useAnalyticsStore((state) => state.breakdown);
  const days = useAnalyticsStore((state) => state.days);
  return { tab, breakdown, days };
}

/** Events of the analytics screen. */
export function useAnalyticsActions(): AnalyticsState['actions'] {
  return useAnalyticsStore((state) => state.actions);
}
