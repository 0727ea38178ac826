/** The theme's colours as the chart draws them. */
export interface ChartColors {
  readonly background: string;
  readonly text: string;
  readonly grid: string;
  readonly border: string;
  readonly up: string;
  readonly down: string;
  readonly upVolume: string;
  readonly downVolume: string;
  readonly buy: string;
  readonly sell: string;
  readonly crosshair: string;
  readonly labelBackground: string;
  readonly sessionBreak: string;
  /** Orders and fills a strategy made. */
  readonly strategy: string;
}

function variable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/** Reads the chart colours from the page's theme variables. */
export function readChartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  return {
    background: variable(style, '--chart-bg', '#0b0e13'),
    text: variable(style, '--muted', '#7d8797'),
    grid: variable(style, '--chart-grid', '#161b23'),
    border: variable(style, '--panel-border', '#1f2530'),
    up: variable(style, '--up', '#26a69a'),
    down: variable(style, '--down', '#ef5350'),
    upVolume: variable(style, '--up-volume', 'rgba(38, 166, 154, 0.35)'),
    downVolume: variable(style, '--down-volume', 'rgba(239, 83, 80, 0.35)'),
    buy: variable(style, '--buy', '#2e9bff'),
    sell: variable(style, '--sell', '#ff6d3a'),
    crosshair: variable(style, '--chart-crosshair', '#5e6673'),
    labelBackground: variable(style, '--panel-raised', '#1b2029'),
    sessionBreak: variable(style, '--chart-session', 'rgba(125, 135, 151, 0.35)'),
    strategy: variable(style, '--strategy', '#a877ff'),
  };
}
