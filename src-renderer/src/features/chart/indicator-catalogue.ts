import type { IndicatorRequest } from '../../../../src-shared/domain/strategies';

/** Where an indicator is drawn: over the bars, or in a pane of its own under them. */
export type IndicatorPane = 'price' | 'rsi' | 'atr';

/** An indicator the chart's menu offers. */
export interface ChartIndicator {
  readonly id: string;
  readonly label: string;
  readonly request: IndicatorRequest;
  readonly pane: IndicatorPane;
  /** Colour of each line, in the order the core names them (e.g. middle, upper, lower). */
  readonly colors: readonly string[];
}

/** The indicators of the chart's toolbar menu, computed by the core (`indicators.compute`). */
export const chartIndicators: readonly ChartIndicator[] = [
  { id: 'sma20', label: 'SMA 20', request: { kind: 'sma', length: 20 }, pane: 'price', colors: ['#f2c94c'] },
  { id: 'ema9', label: 'EMA 9', request: { kind: 'ema', length: 9 }, pane: 'price', colors: ['#4fc3f7'] },
  { id: 'ema21', label: 'EMA 21', request: { kind: 'ema', length: 21 }, pane: 'price', colors: ['#ba68c8'] },
  {
    id: 'vwap',
    label: 'VWAP ±2σ',
    request: { kind: 'vwap', multiplier: 2 },
    pane: 'price',
    colors: ['#ffa726', 'rgba(255, 167, 38, 0.45)', 'rgba(255, 167, 38, 0.45)'],
  },
  {
    id: 'bollinger',
    label: 'Bollinger 20, 2σ',
    request: { kind: 'bollinger', length: 20, multiplier: 2 },
    pane: 'price',
    colors: ['rgba(144, 164, 174, 0.9)', '#5c9ded', '#5c9ded'],
  },
  { id: 'donchian', label: 'Donchian 20', request: { kind: 'donchian', length: 20 }, pane: 'price', colors: ['#26c6da', 'rgba(38, 198, 218, 0.4)', '#26c6da'] },
  { id: 'smc', label: 'Smart money concepts', request: { kind: 'smc', length: 5 }, pane: 'price', colors: [] },
  { id: 'rsi', label: 'RSI 14', request: { kind: 'rsi', length: 14 }, pane: 'rsi', colors: ['#ce93d8'] },
  { id: 'atr', label: 'ATR 14', request: { kind: 'atr', length: 14 }, pane: 'atr', colors: ['#ef9a9a'] },
];

/** The catalogue's indicators with these ids, in catalogue order (unknown ids from old layouts are dropped). */
export function indicatorsById(ids: readonly string[]): ChartIndicator[] {
  return chartIndicators.filter((indicator) => ids.includes(indicator.id));
}

/** Panes under the price pane, in order, for the indicators shown. */
export function subPanes(indicators: readonly ChartIndicator[]): IndicatorPane[] {
  const panes: IndicatorPane[] = [];
  for (const pane of ['rsi', 'atr'] as const) if (indicators.some((indicator) => indicator.pane === pane)) panes.push(pane);
  return panes;
}
