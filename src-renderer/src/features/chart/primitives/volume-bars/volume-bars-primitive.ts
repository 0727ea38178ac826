import type { IChartApiBase, IPrimitivePaneRenderer, IPrimitivePaneView, ISeriesPrimitive, Logical, SeriesAttachedParameter, Time } from 'lightweight-charts';
import { VolumeBarsRenderer, type VolumeView } from './volume-bars-renderer';
import type { VolumeSample } from './volume-columns';

/** Colours of rising and falling bars' volume. */
export interface VolumeBarsColors {
  readonly rising: string;
  readonly falling: string;
}

class VolumeBarsPaneView implements IPrimitivePaneView {
  private view: VolumeView | undefined;

  public constructor(private readonly colors: () => VolumeBarsColors) {}

  public update(chart: IChartApiBase<Time>, bars: readonly VolumeSample[]): void {
    const timeScale = chart.timeScale();
    const range = timeScale.getVisibleLogicalRange();
    if (range === null || bars.length === 0) {
      this.view = undefined;
      return;
    }
    const first = timeScale.logicalToCoordinate(0 as Logical);
    const second = timeScale.logicalToCoordinate(1 as Logical);
    const spacing = first !== null && second !== null ? second - first : timeScale.options().barSpacing;
    this.view = { bars, from: range.from, to: range.to, xOf: (index) => timeScale.logicalToCoordinate(index as Logical), spacing };
  }

  public zOrder(): 'bottom' {
    return 'bottom';
  }

  public renderer(): IPrimitivePaneRenderer {
    const colors = this.colors();
    return new VolumeBarsRenderer(this.view, colors.rising, colors.falling);
  }
}

/**
 * Volume along the bottom of the price pane, drawn from the chart's own bars. A histogram series
 * would copy every bar into the chart and rebuild all of them on each live update; this reads the
 * visible bars only, so a 100,000-bar history costs nothing more per frame than a short one.
 */
export class VolumeBarsPrimitive implements ISeriesPrimitive<Time> {
  private chart: IChartApiBase<Time> | undefined;
  private requestUpdate: (() => void) | undefined;
  private colors: VolumeBarsColors;
  private readonly view = new VolumeBarsPaneView(() => this.colors);
  private readonly views = [this.view];

  /** `bars` is read on every repaint: the chart's history, index-aligned with the series' data. */
  public constructor(
    private readonly bars: () => readonly VolumeSample[],
    colors: VolumeBarsColors,
  ) {
    this.colors = colors;
  }

  public attached(parameters: SeriesAttachedParameter<Time>): void {
    this.chart = parameters.chart;
    this.requestUpdate = parameters.requestUpdate;
  }

  public detached(): void {
    this.chart = undefined;
    this.requestUpdate = undefined;
  }

  public setColors(colors: VolumeBarsColors): void {
    this.colors = colors;
    this.requestUpdate?.();
  }

  public updateAllViews(): void {
    if (this.chart !== undefined) this.view.update(this.chart, this.bars());
  }

  public paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }
}
