/** Colours of the position line. */
export interface PositionLineOptions {
  readonly lineColor: string;
  readonly profitColor: string;
  readonly lossColor: string;
  readonly flatColor: string;
  readonly textColor: string;
  readonly labelOffset: number;
}

/** Defaults for the dark theme. */
export const positionLineDefaults: PositionLineOptions = {
  lineColor: '#c9d1d9',
  profitColor: '#26a69a',
  lossColor: '#ef5350',
  flatColor: '#5e6673',
  textColor: '#ffffff',
  labelOffset: 8,
};

/** The open position the line shows. */
export interface PositionMark {
  /** Average entry as a chart price. */
  readonly price: number;
  /** `LONG 2 @ 5000.25`. */
  readonly title: string;
  /** `+8 t  +$200.00`, or empty before the first quote. */
  readonly profitText: string;
  readonly profitSign: number;
}
