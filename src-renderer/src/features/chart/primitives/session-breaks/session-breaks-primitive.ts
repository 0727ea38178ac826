import type {
  IChartApiBase,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  SeriesAttachedParameter,
  Time,
  UTCTimestamp,
} from 'lightweight-charts';
import { sessionBreaksDefaults, type SessionBreaksOptions } from './options';
import { SessionBreaksRenderer } from './session-breaks-renderer';

/** Works out the x of each visible break; caches them until the next update. */
class SessionBreaksPaneView implements IPrimitivePaneView {
  private xs: number[] = [];
  private color = sessionBreaksDefaults.color;

  public update(chart: IChartApiBase<Time>, times: readonly UTCTimestamp[], options: SessionBreaksOptions): void {
    this.color = options.color;
    this.xs = [];
    const range = chart.timeScale().getVisibleRange();
    if (range === null) return;
    const from = Number(range.from);
    const to = Number(range.to);
    for (const time of times) {
      if (time < from || time > to) continue;
      const x = chart.timeScale().timeToCoordinate(time);
      // A break sits half a bar before the session's first bar.
      if (x !== null) this.xs.push(x - chart.timeScale().options().barSpacing / 2);
    }
  }

  public zOrder(): 'bottom' {
    return 'bottom';
  }

  public renderer(): IPrimitivePaneRenderer {
    return new SessionBreaksRenderer(this.xs, this.color);
  }
}

/** Vertical lines where each trading day starts (17:00 CT), on intraday charts. */
export class SessionBreaksPrimitive implements ISeriesPrimitive<Time> {
  private options: SessionBreaksOptions;
  private times: readonly UTCTimestamp[] = [];
  private readonly view = new SessionBreaksPaneView();
  private readonly views = [this.view];
  private chart: IChartApiBase<Time> | undefined;
  private requestUpdate: (() => void) | undefined;

  public constructor(options: Partial<SessionBreaksOptions> = {}) {
    this.options = { ...sessionBreaksDefaults, ...options };
  }

  public attached(parameters: SeriesAttachedParameter<Time>): void {
    this.chart = parameters.chart;
    this.requestUpdate = parameters.requestUpdate;
  }

  public detached(): void {
    this.chart = undefined;
    this.requestUpdate = undefined;
  }

  public applyOptions(options: Partial<SessionBreaksOptions>): void {
    this.options = { ...this.options, ...options };
    this.requestUpdate?.();
  }

  /** The chart times of the first bar of each session (sorted). */
  public setBreaks(times: readonly UTCTimestamp[]): void {
    this.times = times;
    this.requestUpdate?.();
  }

  public updateAllViews(): void {
    if (this.chart !== undefined) this.view.update(this.chart, this.times, this.options);
  }

  public paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }
}
