import type { ChartProbe } from './chart-probe';
import {
  LineSeries,
  LineStyle,
  type IChartApi,
  type ISeriesApi,
  type ISeriesPrimitive,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { IndicatorRequest, IndicatorSeriesView } from '../../../../src-shared/domain/strategies';
import type { BarView } from '../../../../src-shared/domain/trading';
import type { Result } from '../../../../src-shared/result';
import { indicatorsById, subPanes, type ChartIndicator } from './indicator-catalogue';
import { chartTimeAt, linePoints } from './indicator-points';
import { SmcZonesPrimitive, type ChartSegment, type ChartZone } from './primitives/smc-zones/smc-zones-primitive';

/** Computes indicators over the newest `count` bars of the chart's series. */
export type IndicatorsLoader = (indicators: readonly IndicatorRequest[], count: number) => Promise<Result<IndicatorSeriesView[]>>;

/** Bars indicators are computed over (the newest ones; older bars show none). */
const indicatorBars = 5000;
/** Least time between two recomputations triggered by new bars. */
const refreshSpacingMs = 5000;
/** Zones still open that are drawn (the newest); older untouched zones would cover the whole chart. */
const openZonesShown = 6;
/** Closed zones drawn (the newest). */
const closedZonesShown = 24;

/** What the layer draws on and reports to. */
export interface IndicatorHost {
  readonly chart: IChartApi;
  readonly candles: ISeriesApi<'Candlestick', Time>;
  /** Where the layer reports for tests and benchmarks. */
  readonly probe: ChartProbe;
  /** The loaded bars and their chart times, as now. */
  bars(): { readonly bars: readonly BarView[]; readonly times: readonly UTCTimestamp[]; readonly tickSize: number };
  /** Smart-money markers to show with the fill markers. */
  setMarkers(markers: SeriesMarker<Time>[]): void;
}

/**
 * The chart's indicators: lines over the bars, RSI and ATR in panes of their own, smart-money swings
 * and breaks as markers, gaps and order blocks as zones. Values come from the core; they are
 * recomputed when indicators are turned on and when new bars open (at most every 5 s).
 */
export class IndicatorLayer {
  private shown: ChartIndicator[] = [];
  private readonly lines = new Map<string, ISeriesApi<'Line', Time>[]>();
  private readonly zones = new SmcZonesPrimitive();
  private loader: IndicatorsLoader | undefined;
  private views = new Map<string, IndicatorSeriesView>();
  private inFlight = false;
  private again = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  public constructor(private readonly host: IndicatorHost) {
    host.candles.attachPrimitive(this.zones as ISeriesPrimitive<Time>);
  }

  /** A new series (contract or timeframe): forgets the values and reads them for it. */
  public setLoader(loader: IndicatorsLoader): void {
    this.loader = loader;
    this.generation++;
    this.views = new Map();
    this.draw();
  }

  /** The indicators to show, by catalogue id. */
  public setShown(ids: readonly string[]): void {
    const next = indicatorsById(ids);
    if (next.map((indicator) => indicator.id).join() === this.shown.map((indicator) => indicator.id).join()) return;
    this.shown = next;
    this.rebuildSeries();
    this.draw();
    this.refresh(true);
  }

  /** The bars were replaced (history loaded) or a bar opened: values are read again, spaced out. */
  public barsChanged(urgent: boolean): void {
    this.draw();
    this.refresh(urgent);
  }

  public dispose(): void {
    this.generation++;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private refresh(urgent: boolean): void {
    if (this.shown.length === 0 || this.loader === undefined) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const wait = urgent ? 0 : Math.max(0, this.lastStart + refreshSpacingMs - performance.now());
    if (this.timer !== undefined && !urgent) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, wait);
  }

  private async load(): Promise<void> {
    const loader = this.loader;
    const { bars } = this.host.bars();
    if (loader === undefined || this.shown.length === 0 || bars.length === 0) return;
    const generation = this.generation;
    const wanted = this.shown;
    this.inFlight = true;
    this.lastStart = performance.now();
    const result = await loader(
      wanted.map((indicator) => indicator.request),
      Math.min(indicatorBars, bars.length),
    );
    this.inFlight = false;
    if (generation !== this.generation) return;
    if (result.ok) {
      // The answer lists the indicators in the order they were asked for.
      this.views = new Map(
        wanted.flatMap((indicator, index) => {
          const view = result.value[index];
          return view === undefined ? [] : [[indicator.id, view] as const];
        }),
      );
      this.host.probe.set('indicatorError', undefined);
      this.draw();
    } else this.host.probe.set('indicatorError', result.error.message);
    if (this.again) {
      this.again = false;
      this.refresh(false);
    }
  }

  private rebuildSeries(): void {
    for (const series of this.lines.values()) for (const line of series) this.host.chart.removeSeries(line);
    this.lines.clear();
    const panes = subPanes(this.shown);
    for (const indicator of this.shown) {
      if (indicator.id === 'smc') continue;
      const paneIndex = indicator.pane === 'price' ? 0 : panes.indexOf(indicator.pane) + 1;
      // Over the bars, the candles alone set the price scale: bands such as VWAP ±2σ would
      // otherwise widen it and squeeze the candles; a line beyond the candles is clipped.
      const scaleWith = indicator.pane === 'price' ? { autoscaleInfoProvider: () => null } : {};
      const series = indicator.colors.map((color, index) =>
        this.host.chart.addSeries(
          LineSeries,
          {
            color,
            lineWidth: index === 0 ? 2 : 1,
            lineStyle: index === 0 ? LineStyle.Solid : LineStyle.Dashed,
            priceLineVisible: false,
            lastValueVisible: index === 0,
            crosshairMarkerVisible: false,
            title: index === 0 ? indicator.label : '',
            ...scaleWith,
          },
          paneIndex,
        ),
      );
      if (indicator.pane === 'rsi')
        for (const level of [30, 70])
          series[0]?.createPriceLine({
            price: level,
            color: 'rgba(125, 135, 151, 0.5)',
            lineStyle: LineStyle.Dotted,
            lineWidth: 1,
            axisLabelVisible: false,
            title: '',
          });
      this.lines.set(indicator.id, series);
    }
    this.host.chart.panes().forEach((pane, index) => pane.setStretchFactor(index === 0 ? 1 : 0.22));
  }

  private draw(): void {
    const { bars, times, tickSize } = this.host.bars();
    const published: { id: string; key: string; points: number; markers: number; zones: number; segments: number }[] = [];
    let markers: SeriesMarker<Time>[] = [];
    let zones: ChartZone[] = [];
    let segments: ChartSegment[] = [];
    for (const indicator of this.shown) {
      const view = this.views.get(indicator.id);
      const scale = indicator.pane === 'rsi' ? 1 : tickSize;
      const series = this.lines.get(indicator.id) ?? [];
      series.forEach((line, index) => line.setData(view === undefined ? [] : linePoints(view.lines[index]?.points ?? [], bars, times, scale)));
      if (view === undefined) continue;
      if (indicator.id === 'smc') ({ markers, zones, segments } = this.smartMoney(view, bars, times, tickSize));
      published.push({
        id: indicator.id,
        key: view.key,
        points: view.lines.reduce((total, line) => total + line.points.length, 0),
        markers: view.markers.length,
        zones: view.zones.length,
        segments: view.segments.length,
      });
    }
    this.zones.setShapes(zones, segments);
    this.host.setMarkers(markers);
    const text = JSON.stringify(published);
    this.host.probe.set('indicators', text);
  }

  private smartMoney(
    view: IndicatorSeriesView,
    bars: readonly BarView[],
    times: readonly UTCTimestamp[],
    tickSize: number,
  ): { markers: SeriesMarker<Time>[]; zones: ChartZone[]; segments: ChartSegment[] } {
    const at = (epoch: number) => chartTimeAt(bars, times, epoch);
    const markers: SeriesMarker<Time>[] = [];
    for (const marker of view.markers) {
      const time = at(marker.time);
      if (time === undefined) continue;
      const high = marker.kind === 'swing-high' || marker.kind === 'bos-up';
      const color = marker.kind.startsWith('bos') ? (marker.kind === 'bos-up' ? '#26a69a' : '#ef5350') : 'rgba(213, 219, 230, 0.75)';
      markers.push({
        id: `smc:${marker.kind}:${marker.time}`,
        time,
        position: high ? 'atPriceTop' : 'atPriceBottom',
        price: marker.valueTicks * tickSize,
        shape: marker.kind.startsWith('bos') ? 'square' : high ? 'arrowDown' : 'arrowUp',
        color,
        text: marker.text,
        size: 0.5,
      });
    }
    const zones: ChartZone[] = [];
    const open = view.zones.filter((zone) => zone.endTime === null).slice(-openZonesShown);
    const closed = view.zones.filter((zone) => zone.endTime !== null).slice(-closedZonesShown);
    for (const zone of [...closed, ...open]) {
      const startTime = at(zone.startTime);
      if (startTime === undefined) continue;
      zones.push({
        kind: zone.kind,
        startTime,
        endTime: zone.endTime === null ? null : (at(zone.endTime) ?? null),
        top: zone.topTicks * tickSize,
        bottom: zone.bottomTicks * tickSize,
      });
    }
    const segments: ChartSegment[] = [];
    for (const segment of view.segments) {
      const startTime = at(segment.startTime);
      const endTime = at(segment.endTime);
      if (startTime !== undefined && endTime !== undefined) segments.push({ kind: segment.kind, startTime, endTime, price: segment.valueTicks * tickSize });
    }
    return { markers, zones, segments };
  }
}
