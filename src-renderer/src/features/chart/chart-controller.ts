import { chartProbe, type ChartProbe } from './chart-probe';
import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type LogicalRange,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { BarView, ContractView, QuoteView } from '../../../../src-shared/domain/trading';
import { mergeBarUpdate, prependHistory } from '../../lib/bar-aggregation';
import type { BarFeed } from '../../lib/bar-feed';
import type { QuoteFeed } from '../../lib/quote-feed';
import { isIntraday, type Timeframe } from '../../lib/timeframes';
import { priceDecimals } from '../../lib/ticks';
import { chartTimeOf, sessionStarts, toChartBar, toChartBars } from './bar-series';
import { loadDepth, type BarsLoader } from './chart-history';
import type { ChartColors } from './chart-colors';
import { chartOptions } from './chart-options';
import { ChartOverlays, type OverlayState } from './chart-overlays';
import { ChartPointer, type ChartPointerHandlers } from './chart-pointer';
import { IndicatorLayer, type IndicatorsLoader } from './indicator-layer';
import { VolumeBarsPrimitive } from './primitives/volume-bars/volume-bars-primitive';
import { liveRedrawInterval, RedrawPacer } from './redraw-pacer';
import type { LineGeometry } from './primitives/order-lines/order-lines-pane-view';

/** Bars loaded per scroll-back page. */
const scrollBackPage = 2000;

/** What the chart shows: a contract on a timeframe with some depth of history. */
export interface ChartSubject {
  readonly contract: ContractView;
  readonly timeframe: Timeframe;
  readonly depth: number;
  readonly load: BarsLoader;
  readonly indicators: IndicatorsLoader;
}

/**
 * One chart, fed imperatively: history on show and on scroll-back, the live bar from `bars.updated`
 * (built by the core from every print, so highs and lows between quotes are kept) drawn once per
 * frame, ticks straight from the quote feed for the position's P&L, overlays from the trading state,
 * indicators from the core. React creates it once and calls its methods; nothing here re-renders React.
 */
export class ChartController {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<'Candlestick', Time>;
  private readonly volumes: VolumeBarsPrimitive;
  private readonly markers: ISeriesMarkersPluginApi<Time>;
  private readonly overlays: ChartOverlays;
  private readonly pointer: ChartPointer;
  private readonly indicatorLayer: IndicatorLayer;
  private colors: ChartColors;
  private subject: ChartSubject | undefined;
  private bars: BarView[] = [];
  private times: UTCTimestamp[] = [];
  private generation = 0;
  private loadingOlder = false;
  private state: 'loading' | 'ready' | 'error' = 'loading';
  /** Facts for tests and benchmarks (nothing unless they installed it). */
  private readonly probe: ChartProbe;
  private exhausted = false;
  /** Live bars that arrived while history was loading, applied once it is drawn. */
  private early: BarView[] | undefined;
  private pending = new Set<number>();
  private readonly redraws = new RedrawPacer(
    () => this.flush(),
    () => liveRedrawInterval(this.bars.length),
  );
  private stopTicks: (() => void) | undefined;
  private stopBars: (() => void) | undefined;

  public constructor(
    private readonly container: HTMLElement,
    private readonly feed: QuoteFeed,
    private readonly barFeed: BarFeed,
    colors: ChartColors,
    handlers: ChartPointerHandlers,
  ) {
    this.colors = colors;
    this.probe = chartProbe(container);
    this.chart = createChart(container, chartOptions(colors));
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: colors.up,
      downColor: colors.down,
      wickUpColor: colors.up,
      wickDownColor: colors.down,
      borderVisible: false,
    });
    this.volumes = new VolumeBarsPrimitive(() => this.bars, { rising: colors.upVolume, falling: colors.downVolume });
    this.candles.attachPrimitive(this.volumes);
    this.markers = createSeriesMarkers(this.candles, []);
    this.overlays = new ChartOverlays(this.candles, this.markers, colors, this.probe);
    this.indicatorLayer = new IndicatorLayer({
      chart: this.chart,
      candles: this.candles,
      probe: this.probe,
      bars: () => ({ bars: this.bars, times: this.times, tickSize: this.subject?.contract.tickSize ?? 1 }),
      setMarkers: (markers) => this.overlays.setIndicatorMarkers(markers),
    });
    this.pointer = new ChartPointer(container, this.chart, this.candles, this.overlays.orderLines, () => this.subject?.contract.tickSize ?? 1, handlers);
    this.chart.timeScale().subscribeVisibleLogicalRangeChange(this.rangeChanged);
    this.overlays.orderLines.onLayout((lines) => this.publishLines(lines));
  }

  /** Shows a contract and timeframe: loads its history, then follows its ticks. */
  public async show(subject: ChartSubject): Promise<void> {
    const generation = ++this.generation;
    this.subject = subject;
    this.stopTicks?.();
    this.stopTicks = undefined;
    this.stopBars?.();
    this.exhausted = false;
    this.pending.clear();
    // Listen before loading: the first page starts the live series, and its bars must not be missed.
    this.early = [];
    this.stopBars = this.barFeed.onBar({ contractId: subject.contract.id, unit: subject.timeframe.unit, unitNumber: subject.timeframe.unitNumber }, (bar) =>
      this.barUpdated(bar),
    );
    this.indicatorLayer.setLoader(subject.indicators);
    const decimals = priceDecimals(subject.contract.tickSize);
    this.candles.applyOptions({ priceFormat: { type: 'price', precision: decimals, minMove: subject.contract.tickSize } });
    this.chart.applyOptions({ timeScale: { secondsVisible: subject.timeframe.unit === 'second' } });
    this.setState('loading');
    const started = performance.now();
    const loaded = await loadDepth(subject.load, subject.depth, () => generation === this.generation);
    if (generation !== this.generation) return;
    this.probe.set('fetchMs', String(Math.round(performance.now() - started)));
    if (!loaded.ok) {
      this.stopBars?.();
      this.early = undefined;
      this.setState('error', loaded.error.message);
      return;
    }
    const drawStarted = performance.now();
    this.replaceBars(loaded.bars, false);
    const early = this.early ?? [];
    this.early = undefined;
    for (const bar of early) this.barUpdated(bar);
    this.chart.timeScale().scrollToRealTime();
    this.indicatorLayer.barsChanged(true);
    this.stopTicks = this.feed.onTick(subject.contract.id, (quote) => this.tick(quote));
    const latest = this.feed.latest(subject.contract.id);
    if (latest !== undefined) this.tick(latest);
    // Measured after the frame that draws the bars.
    requestAnimationFrame(() => {
      if (generation !== this.generation) return;
      this.probe.set('loadMs', String(Math.round(performance.now() - started)));
      this.probe.set('drawMs', String(Math.round(performance.now() - drawStarted)));
      this.setState('ready');
    });
  }

  /** The indicators to draw, by id of the chart's catalogue. */
  public setIndicators(ids: readonly string[]): void {
    this.indicatorLayer.setShown(ids);
  }

  /** Orders, position, fills and planned brackets to draw over the bars. */
  public setOverlays(state: OverlayState): void {
    this.overlays.update(state, this.bars, this.times);
    this.publishPosition();
  }

  /** Applies new theme colours. */
  public setColors(colors: ChartColors): void {
    this.colors = colors;
    this.chart.applyOptions(chartOptions(colors));
    this.candles.applyOptions({ upColor: colors.up, downColor: colors.down, wickUpColor: colors.up, wickDownColor: colors.down });
    this.overlays.setColors(colors);
    this.volumes.setColors({ rising: colors.upVolume, falling: colors.downVolume });
    if (this.subject !== undefined) this.replaceBars(this.bars, true);
  }

  /** Releases the chart and every listener. */
  public dispose(): void {
    this.generation++;
    this.stopTicks?.();
    this.stopBars?.();
    this.indicatorLayer.dispose();
    this.redraws.cancel();
    this.chart.timeScale().unsubscribeVisibleLogicalRangeChange(this.rangeChanged);
    this.pointer.dispose();
    this.chart.remove();
  }

  /**
   * Publishes the drawn order lines on the element (id, price and y in pixels), so automation and
   * accessibility tools can find what the canvas shows.
   */
  private publishLines(lines: readonly LineGeometry[]): void {
    const text = JSON.stringify(
      lines.map(({ line, y }) => ({
        id: line.id,
        kind: line.kind,
        text: line.text,
        price: line.price,
        y: Math.round(y),
        ...(line.strategy === undefined ? {} : { strategy: line.strategy }),
      })),
    );
    this.probe.set('lines', text);
  }

  private publishPosition(): void {
    const position = this.overlays.positionText();
    this.probe.set('position', position);
  }

  private setState(state: 'loading' | 'ready' | 'error', message?: string): void {
    this.state = state;
    this.probe.set('state', state);
    this.probe.set('error', message);
  }

  private replaceBars(bars: BarView[], keepRange: boolean): void {
    const subject = this.subject;
    if (subject === undefined) return;
    const range = keepRange ? this.chart.timeScale().getVisibleLogicalRange() : null;
    const added = bars.length - this.bars.length;
    this.bars = bars;
    const started = performance.now();
    const converted = toChartBars(bars, subject.contract.tickSize);
    this.times = converted.times;
    const convertedAt = performance.now();
    this.candles.setData(converted.candles);
    const setAt = performance.now();
    this.overlays.setSessionBreaks(isIntraday(subject.timeframe) ? sessionStarts(bars, converted.times) : []);
    this.overlays.refresh(this.bars, this.times);
    this.probe.set('bars', String(bars.length));
    // Where drawing a history goes (for the benchmark): converting, the candles' setData, the overlays.
    this.probe.set('drawParts', [convertedAt - started, setAt - convertedAt, performance.now() - setAt].map(Math.round).join('/'));
    // Scroll-back moved every index: pending live bars are drawn again from the new indexes.
    this.pending.clear();
    if (range !== null && added > 0) this.chart.timeScale().setVisibleLogicalRange({ from: range.from + added, to: range.to + added });
  }

  /** A quote: the position's P&L follows the last price (bars come from `bars.updated`). */
  private tick(quote: QuoteView): void {
    if (this.subject === undefined) return;
    this.overlays.markPrice(quote.lastTicks);
    this.publishPosition();
  }

  /** A live bar of this chart's series: merged into the history now, drawn on a coming frame (paced for long histories). */
  private barUpdated(bar: BarView): void {
    if (this.early !== undefined) {
      this.early.push(bar);
      return;
    }
    const merged = mergeBarUpdate(this.bars, bar);
    if (merged === undefined) return;
    if (merged.opened) {
      this.times.push(chartTimeOf(bar.time, this.times.at(-1)));
      this.indicatorLayer.barsChanged(false);
    }
    this.pending.add(merged.index);
    this.redraws.request();
  }

  private flush(): void {
    const subject = this.subject;
    if (subject === undefined) return;
    const last = this.bars.length - 1;
    for (const index of [...this.pending].sort((left, right) => left - right)) {
      const bar = this.bars[index];
      const time = this.times[index];
      if (bar === undefined || time === undefined) continue;
      // Only the newest bar is a plain update; a late final update of an earlier bar is historical.
      this.candles.update(toChartBar(bar, time, subject.contract.tickSize), index < last);
    }
    this.pending.clear();
    this.probe.set('bars', String(this.bars.length));
    const newest = this.bars[last];
    if (newest !== undefined) this.probe.set('lastBar', `${newest.time}:${newest.open}:${newest.high}:${newest.low}:${newest.close}`);
  }

  private readonly rangeChanged = (range: LogicalRange | null): void => {
    if (range === null || range.from > 50 || this.loadingOlder || this.exhausted || this.state !== 'ready') return;
    void this.loadOlder();
  };

  private async loadOlder(): Promise<void> {
    const subject = this.subject;
    const first = this.bars[0];
    if (subject === undefined || first === undefined) return;
    const generation = this.generation;
    this.loadingOlder = true;
    this.probe.set('scrollBack', 'loading');
    const page = await subject.load({ to: first.time, count: scrollBackPage });
    this.loadingOlder = false;
    this.probe.set('scrollBack', undefined);
    if (generation !== this.generation || !page.ok) return;
    const merged = prependHistory(page.value, this.bars);
    if (merged.length === this.bars.length) {
      this.exhausted = true;
      return;
    }
    this.replaceBars(merged, true);
    this.indicatorLayer.barsChanged(false);
  }
}
