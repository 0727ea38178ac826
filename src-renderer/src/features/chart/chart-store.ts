import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** One chart of the chart area. */
export interface ChartSlot {
  readonly id: string;
  readonly symbol: string;
  readonly timeframeId: string;
  /** Bars of history loaded when the chart opens. */
  readonly depth: number;
  /** Indicators drawn (ids of the chart's indicator catalogue); absent in layouts saved before indicators. */
  readonly indicators?: readonly string[];
}

/** History depths the trader can pick. */
export const historyDepths = [2000, 10_000, 50_000, 100_000] as const;
/** Most charts side by side. */
export const maxCharts = 4;

interface ChartsState {
  readonly charts: readonly ChartSlot[];
  readonly focusedId: string;
  /** Relative widths of the charts, one per chart. */
  readonly widths: readonly number[];
  readonly actions: {
    chartAdded(): void;
    chartRemoved(id: string): void;
    chartFocused(id: string): void;
    symbolChosen(id: string, symbol: string): void;
    timeframeChosen(id: string, timeframeId: string): void;
    depthChosen(id: string, depth: number): void;
    indicatorToggled(id: string, indicatorId: string): void;
    widthsResized(widths: readonly number[]): void;
  };
}

const first: ChartSlot = { id: 'chart-1', symbol: 'ES', timeframeId: '1m', depth: 2000 };

function patch(charts: readonly ChartSlot[], id: string, change: Partial<ChartSlot>): ChartSlot[] {
  return charts.map((chart) => (chart.id === id ? { ...chart, ...change } : chart));
}

const useChartsStore = create<ChartsState>()(
  persist(
    (set) => ({
      charts: [first],
      focusedId: first.id,
      widths: [1],
      actions: {
        chartAdded: () =>
          set((state) => {
            if (state.charts.length >= maxCharts) return state;
            const focused = state.charts.find((chart) => chart.id === state.focusedId) ?? first;
            const used = new Set(state.charts.map((chart) => chart.id));
            let number = 1;
            while (used.has(`chart-${number}`)) number++;
            const added: ChartSlot = { ...focused, id: `chart-${number}`, timeframeId: focused.timeframeId === '1m' ? '5m' : '1m' };
            return { charts: [...state.charts, added], widths: [...state.charts.map(() => 1), 1], focusedId: added.id };
          }),
        chartRemoved: (id) =>
          set((state) => {
            if (state.charts.length <= 1) return state;
            const charts = state.charts.filter((chart) => chart.id !== id);
            return { charts, widths: charts.map(() => 1), focusedId: state.focusedId === id ? (charts[0]?.id ?? first.id) : state.focusedId };
          }),
        chartFocused: (id) => set({ focusedId: id }),
        symbolChosen: (id, symbol) => set((state) => ({ charts: patch(state.charts, id, { symbol: symbol.trim().toUpperCase() }) })),
        timeframeChosen: (id, timeframeId) => set((state) => ({ charts: patch(state.charts, id, { timeframeId }) })),
        depthChosen: (id, depth) => set((state) => ({ charts: patch(state.charts, id, { depth }) })),
        indicatorToggled: (id, indicatorId) =>
          set((state) => ({
            charts: state.charts.map((chart) => {
              if (chart.id !== id) return chart;
              const shown = chart.indicators ?? [];
              return { ...chart, indicators: shown.includes(indicatorId) ? shown.filter((item) => item !== indicatorId) : [...shown, indicatorId] };
            }),
          })),
        widthsResized: (widths) => set({ widths }),
      },
    }),
    { name: 'terminal.charts', version: 1, partialize: ({ charts, focusedId, widths }) => ({ charts, focusedId, widths }) },
  ),
);

/** The charts, left to right. */
export function useCharts(): readonly ChartSlot[] {
  return useChartsStore((state) => state.charts);
}

/** The chart that follows the watchlist and the ticket. */
export function useFocusedChartId(): string {
  return useChartsStore((state) => state.focusedId);
}

/** Relative chart widths. */
export function useChartWidths(): readonly number[] {
  return useChartsStore((state) => state.widths);
}

/** Events that change the chart area. */
export function useChartActions(): ChartsState['actions'] {
  return useChartsStore((state) => state.actions);
}
