/** Colours and geometry of order lines. */
export interface OrderLinesOptions {
  readonly buyColor: string;
  readonly sellColor: string;
  readonly stopColor: string;
  readonly targetColor: string;
  readonly textColor: string;
  readonly labelBackground: string;
  /** Tag and line colour of orders a strategy placed. */
  readonly strategyColor: string;
  /** Distance from the left edge of the pane to the first label, in media pixels. */
  readonly labelOffset: number;
  /** Half-height of the band around a line that grabs it, in media pixels. */
  readonly grabTolerance: number;
}

/** Defaults for the dark theme; the chart applies its theme over them. */
export const orderLinesDefaults: OrderLinesOptions = {
  buyColor: '#2e9bff',
  sellColor: '#ff6d3a',
  stopColor: '#ef5350',
  targetColor: '#26a69a',
  textColor: '#ffffff',
  labelBackground: '#1b2029',
  strategyColor: '#a877ff',
  labelOffset: 8,
  grabTolerance: 5,
};

/** What one line shows. */
export interface OrderLine {
  /** `order:<id>` for a working order, `plan-sl:<id>` / `plan-t<n>:<id>` for the planned stop and targets of a working entry. */
  readonly id: string;
  readonly orderId: number;
  readonly kind: 'order' | 'stop-loss' | 'take-profit' | 'planned-stop-loss' | 'planned-take-profit';
  readonly side: 'buy' | 'sell';
  readonly price: number;
  /** The text of the line's label, e.g. `BUY LMT 2 @ 5000.25`. */
  readonly text: string;
  /** Whether the line can be dragged and cancelled (working orders only). */
  readonly interactive: boolean;
  /** Whether the line can be dragged to a new price (a trailing stop moves by itself, a strategy moves its own). */
  readonly draggable: boolean;
  /** The strategy that placed the order (its id), drawn as a tag; absent for manual orders. */
  readonly strategy?: string;
}
