import type { IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import { labelHeight, measureLabel, type LabelBox } from '../draw-kit';
import type { OrderLine, OrderLinesOptions } from './options';
import { OrderLinesRenderer, type PlacedLine } from './order-lines-renderer';

/** Where a line's parts sit, for hit testing. */
export interface LineGeometry {
  readonly line: OrderLine;
  readonly y: number;
  /** The cancel box (×) of a working order, in media pixels. */
  readonly cancel: { readonly left: number; readonly right: number } | undefined;
  readonly labelRight: number;
}

const cancelWidth = 18;

function colorOf(line: OrderLine, options: OrderLinesOptions): string {
  if (line.kind === 'stop-loss' || line.kind === 'planned-stop-loss') return options.stopColor;
  if (line.kind === 'take-profit' || line.kind === 'planned-take-profit') return options.targetColor;
  return line.side === 'buy' ? options.buyColor : options.sellColor;
}

/** Works out where each order line goes and caches it until the next update. */
export class OrderLinesPaneView implements IPrimitivePaneView {
  private geometry: LineGeometry[] = [];
  private placed: PlacedLine[] = [];
  private readonly widths = new Map<string, number>();

  public update(series: ISeriesApi<SeriesType, Time>, lines: readonly OrderLine[], options: OrderLinesOptions): void {
    this.geometry = [];
    this.placed = [];
    const placedLabels: { y: number; right: number }[] = [];
    for (const line of lines) {
      const y = series.priceToCoordinate(line.price);
      if (y === null) continue;
      const color = colorOf(line, options);
      const textWidth = this.width(line.text) + 12;
      const labels: LabelBox[] = [];
      // Labels of lines closer than a label's height are set side by side instead of on top of each other.
      const crowd = placedLabels.filter((other) => Math.abs(other.y - y) < labelHeight);
      let x = crowd.reduce((right, other) => Math.max(right, other.right + 6), options.labelOffset);
      let cancel: LineGeometry['cancel'];
      if (line.interactive) {
        labels.push({ x, width: cancelWidth, text: '×', background: options.labelBackground, color: options.textColor });
        cancel = { left: x, right: x + cancelWidth };
        x += cancelWidth + 1;
      }
      if (line.strategy !== undefined) {
        const tagWidth = this.width(line.strategy) + 12;
        labels.push({ x, width: tagWidth, text: line.strategy, background: options.strategyColor, color: options.textColor });
        x += tagWidth + 1;
      }
      labels.push({ x, width: textWidth, text: line.text, background: color, color: options.textColor });
      placedLabels.push({ y, right: x + textWidth });
      this.geometry.push({ line, y, cancel, labelRight: x + textWidth });
      const pattern = line.kind.startsWith('planned') ? 'dashed' : line.strategy === undefined ? 'solid' : 'dotted';
      this.placed.push({ y, color, pattern, labels });
    }
  }

  /** The cached coordinates of the lines, as last drawn. */
  public lines(): readonly LineGeometry[] {
    return this.geometry;
  }

  public renderer(): IPrimitivePaneRenderer {
    return new OrderLinesRenderer(this.placed);
  }

  private width(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = measureLabel(text);
      if (this.widths.size > 500) this.widths.clear();
      this.widths.set(text, width);
    }
    return width;
  }
}
