import type {
  ISeriesApi,
  ISeriesPrimitive,
  ISeriesPrimitiveAxisView,
  PrimitiveHoveredItem,
  SeriesAttachedParameter,
  SeriesType,
  Time,
} from 'lightweight-charts';
import { orderLinesDefaults, type OrderLine, type OrderLinesOptions } from './options';
import { OrderLinesPaneView, type LineGeometry } from './order-lines-pane-view';

/** What a point on the pane hits: a line to drag, or a line's cancel box. */
export interface OrderLineHit {
  readonly line: OrderLine;
  readonly part: 'line' | 'cancel';
}

class PriceLabel implements ISeriesPrimitiveAxisView {
  public constructor(
    private readonly y: number,
    private readonly label: string,
    private readonly background: string,
    private readonly color: string,
  ) {}
  public coordinate(): number {
    return this.y;
  }
  public text(): string {
    return this.label;
  }
  public textColor(): string {
    return this.color;
  }
  public backColor(): string {
    return this.background;
  }
}

/**
 * Working orders, bracket orders and planned brackets as lines on the price series. It draws and
 * answers hit tests; dragging and cancelling are the chart's job.
 */
export class OrderLinesPrimitive implements ISeriesPrimitive<Time> {
  private options: OrderLinesOptions;
  private lines: readonly OrderLine[] = [];
  private readonly view = new OrderLinesPaneView();
  private readonly views = [this.view];
  private axisViews: ISeriesPrimitiveAxisView[] = [];
  private series: ISeriesApi<SeriesType, Time> | undefined;
  private requestUpdate: (() => void) | undefined;
  private formatPrice: (price: number) => string = (price) => String(price);
  private layoutListener: ((lines: readonly LineGeometry[]) => void) | undefined;

  public constructor(options: Partial<OrderLinesOptions> = {}) {
    this.options = { ...orderLinesDefaults, ...options };
  }

  public attached(parameters: SeriesAttachedParameter<Time>): void {
    this.series = parameters.series;
    this.requestUpdate = parameters.requestUpdate;
  }

  public detached(): void {
    this.series = undefined;
    this.requestUpdate = undefined;
  }

  public applyOptions(options: Partial<OrderLinesOptions>): void {
    this.options = { ...this.options, ...options };
    this.requestUpdate?.();
  }

  /** Replaces the lines; `formatPrice` writes the axis labels. */
  public setLines(lines: readonly OrderLine[], formatPrice: (price: number) => string): void {
    this.lines = lines;
    this.formatPrice = formatPrice;
    this.requestUpdate?.();
  }

  /** Tells a listener where the lines were placed after each layout (the chart publishes it for tests and tools). */
  public onLayout(listener: (lines: readonly LineGeometry[]) => void): void {
    this.layoutListener = listener;
  }

  public updateAllViews(): void {
    if (this.series === undefined) return;
    this.view.update(this.series, this.lines, this.options);
    this.layoutListener?.(this.view.lines());
    this.axisViews = this.view.lines().map(({ line, y }) => new PriceLabel(y, this.formatPrice(line.price), this.colorOf(line), this.options.textColor));
  }

  public paneViews(): readonly OrderLinesPaneView[] {
    return this.views;
  }

  public priceAxisViews(): readonly ISeriesPrimitiveAxisView[] {
    return this.axisViews;
  }

  public hitTest(x: number, y: number): PrimitiveHoveredItem | null {
    const hit = this.hit(x, y);
    if (hit === undefined) return null;
    return { externalId: `${hit.part}:${hit.line.id}`, zOrder: 'top', cursorStyle: hit.part === 'cancel' ? 'pointer' : 'ns-resize', hitTestPriority: 1 };
  }

  /** The interactive line (or its cancel box) at a point of the pane, in media pixels. */
  public hit(x: number, y: number): OrderLineHit | undefined {
    let best: { geometry: LineGeometry; distance: number } | undefined;
    for (const geometry of this.view.lines()) {
      if (!geometry.line.interactive) continue;
      const distance = Math.abs(geometry.y - y);
      const onLabel = x <= geometry.labelRight && distance <= 9;
      if (distance > this.options.grabTolerance && !onLabel) continue;
      if (best === undefined || distance < best.distance) best = { geometry, distance };
    }
    if (best === undefined) return undefined;
    const { cancel, line } = best.geometry;
    const onCancel = cancel !== undefined && x >= cancel.left && x <= cancel.right && best.distance <= 9;
    return { line, part: onCancel ? 'cancel' : 'line' };
  }

  private colorOf(line: OrderLine): string {
    if (line.kind.includes('stop-loss')) return this.options.stopColor;
    if (line.kind.includes('take-profit')) return this.options.targetColor;
    return line.side === 'buy' ? this.options.buyColor : this.options.sellColor;
  }
}
