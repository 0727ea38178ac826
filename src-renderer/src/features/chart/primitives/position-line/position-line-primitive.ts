import type {
  IChartApiBase,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesApi,
  ISeriesPrimitive,
  ISeriesPrimitiveAxisView,
  SeriesAttachedParameter,
  SeriesType,
  Time,
} from 'lightweight-charts';
import { measureLabel, type LabelBox } from '../draw-kit';
import { positionLineDefaults, type PositionLineOptions, type PositionMark } from './options';
import { PositionLineRenderer } from './position-line-renderer';

/** Works out the position line's y and labels; caches them until the next update. */
class PositionLinePaneView implements IPrimitivePaneView {
  private y: number | null = null;
  private color = positionLineDefaults.lineColor;
  private labels: LabelBox[] = [];

  public update(chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>, mark: PositionMark | undefined, options: PositionLineOptions): void {
    this.y = mark === undefined ? null : series.priceToCoordinate(mark.price);
    if (mark === undefined || this.y === null) {
      this.labels = [];
      return;
    }
    const tone = mark.profitSign > 0 ? options.profitColor : mark.profitSign < 0 ? options.lossColor : options.flatColor;
    this.color = options.lineColor;
    // The position sits at the right edge, clear of the order labels on the left.
    const titleWidth = measureLabel(mark.title) + 12;
    const profitWidth = mark.profitText === '' ? 0 : measureLabel(mark.profitText) + 12;
    const left = Math.max(options.labelOffset, chart.timeScale().width() - options.labelOffset - titleWidth - profitWidth - 1);
    this.labels = [{ x: left, width: titleWidth, text: mark.title, background: '#394150', color: options.textColor }];
    if (profitWidth > 0) this.labels.push({ x: left + titleWidth + 1, width: profitWidth, text: mark.profitText, background: tone, color: options.textColor });
  }

  public coordinate(): number | null {
    return this.y;
  }

  public renderer(): IPrimitivePaneRenderer {
    return new PositionLineRenderer(this.y, this.color, this.labels);
  }
}

/** The open position's average entry with its live P&L in ticks and dollars. */
export class PositionLinePrimitive implements ISeriesPrimitive<Time> {
  private options: PositionLineOptions;
  private mark: PositionMark | undefined;
  private readonly view = new PositionLinePaneView();
  private readonly views = [this.view];
  private axisViews: ISeriesPrimitiveAxisView[] = [];
  private series: ISeriesApi<SeriesType, Time> | undefined;
  private chart: IChartApiBase<Time> | undefined;
  private requestUpdate: (() => void) | undefined;
  private priceText = '';

  public constructor(options: Partial<PositionLineOptions> = {}) {
    this.options = { ...positionLineDefaults, ...options };
  }

  public attached(parameters: SeriesAttachedParameter<Time>): void {
    this.series = parameters.series;
    this.chart = parameters.chart;
    this.requestUpdate = parameters.requestUpdate;
  }

  public detached(): void {
    this.series = undefined;
    this.chart = undefined;
    this.requestUpdate = undefined;
  }

  public applyOptions(options: Partial<PositionLineOptions>): void {
    this.options = { ...this.options, ...options };
    this.requestUpdate?.();
  }

  /** Shows a position (or none) and the text of its price on the axis. */
  public setMark(mark: PositionMark | undefined, priceText: string): void {
    this.mark = mark;
    this.priceText = priceText;
    this.requestUpdate?.();
  }

  public updateAllViews(): void {
    if (this.series === undefined || this.chart === undefined) return;
    this.view.update(this.chart, this.series, this.mark, this.options);
    const y = this.view.coordinate();
    const { textColor } = this.options;
    const text = this.priceText;
    this.axisViews =
      y === null || this.mark === undefined ? [] : [{ coordinate: () => y, text: () => text, textColor: () => textColor, backColor: () => '#394150' }];
  }

  public paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }

  public priceAxisViews(): readonly ISeriesPrimitiveAxisView[] {
    return this.axisViews;
  }
}
