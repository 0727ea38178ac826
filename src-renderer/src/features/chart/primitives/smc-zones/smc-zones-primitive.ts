import type {
  IChartApiBase,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesApi,
  ISeriesPrimitive,
  SeriesAttachedParameter,
  SeriesType,
  Time,
  UTCTimestamp,
} from 'lightweight-charts';
import { SmcZonesRenderer, type PlacedSegment, type PlacedZone } from './smc-zones-renderer';

/** A smart-money zone in chart time and chart prices; `endTime` null while it is still open. */
export interface ChartZone {
  readonly kind: 'fvg-up' | 'fvg-down' | 'order-block-up' | 'order-block-down';
  readonly startTime: UTCTimestamp;
  readonly endTime: UTCTimestamp | null;
  readonly top: number;
  readonly bottom: number;
}

/** A broken structure level (break of structure) in chart time and price. */
export interface ChartSegment {
  readonly kind: 'bos-up' | 'bos-down';
  readonly startTime: UTCTimestamp;
  readonly endTime: UTCTimestamp;
  readonly price: number;
}

const zoneColors: Record<ChartZone['kind'], { fill: string; edge: string }> = {
  'fvg-up': { fill: 'rgba(38, 166, 154, 0.14)', edge: 'rgba(38, 166, 154, 0.35)' },
  'fvg-down': { fill: 'rgba(239, 83, 80, 0.14)', edge: 'rgba(239, 83, 80, 0.35)' },
  'order-block-up': { fill: 'rgba(46, 139, 255, 0.16)', edge: 'rgba(46, 139, 255, 0.55)' },
  'order-block-down': { fill: 'rgba(255, 152, 0, 0.16)', edge: 'rgba(255, 152, 0, 0.55)' },
};
const segmentColors: Record<ChartSegment['kind'], string> = { 'bos-up': 'rgba(38, 166, 154, 0.9)', 'bos-down': 'rgba(239, 83, 80, 0.9)' };

class SmcZonesPaneView implements IPrimitivePaneView {
  private zones: PlacedZone[] = [];
  private segments: PlacedSegment[] = [];

  public update(chart: IChartApiBase<Time>, series: ISeriesApi<SeriesType, Time>, zones: readonly ChartZone[], segments: readonly ChartSegment[]): void {
    const timeScale = chart.timeScale();
    const x = (time: UTCTimestamp): number | null => timeScale.timeToCoordinate(time);
    this.zones = [];
    this.segments = [];
    for (const zone of zones) {
      const left = x(zone.startTime);
      const top = series.priceToCoordinate(zone.top);
      const bottom = series.priceToCoordinate(zone.bottom);
      if (left === null || top === null || bottom === null) continue;
      this.zones.push({ left, right: zone.endTime === null ? null : x(zone.endTime), top, bottom, ...zoneColors[zone.kind] });
    }
    for (const segment of segments) {
      const left = x(segment.startTime);
      const right = x(segment.endTime);
      const y = series.priceToCoordinate(segment.price);
      if (left === null || right === null || y === null) continue;
      this.segments.push({ left, right, y, color: segmentColors[segment.kind] });
    }
  }

  public renderer(): IPrimitivePaneRenderer {
    return new SmcZonesRenderer(this.zones, this.segments);
  }
}

/** Fair value gaps and order blocks as boxes behind the bars, breaks of structure as dashed levels. */
export class SmcZonesPrimitive implements ISeriesPrimitive<Time> {
  private zones: readonly ChartZone[] = [];
  private segments: readonly ChartSegment[] = [];
  private readonly view = new SmcZonesPaneView();
  private readonly views = [this.view];
  private chart: IChartApiBase<Time> | undefined;
  private series: ISeriesApi<SeriesType, Time> | undefined;
  private requestUpdate: (() => void) | undefined;

  public attached(parameters: SeriesAttachedParameter<Time>): void {
    this.chart = parameters.chart;
    this.series = parameters.series;
    this.requestUpdate = parameters.requestUpdate;
  }

  public detached(): void {
    this.chart = undefined;
    this.series = undefined;
    this.requestUpdate = undefined;
  }

  /** Replaces what is drawn (empty lists clear it). */
  public setShapes(zones: readonly ChartZone[], segments: readonly ChartSegment[]): void {
    this.zones = zones;
    this.segments = segments;
    this.requestUpdate?.();
  }

  public updateAllViews(): void {
    if (this.chart !== undefined && this.series !== undefined) this.view.update(this.chart, this.series, this.zones, this.segments);
  }

  public paneViews(): readonly IPrimitivePaneView[] {
    return this.views;
  }
}
