import type { ChartProbe } from './chart-probe';
import type { ISeriesApi, ISeriesMarkersPluginApi, SeriesMarker, Time, UTCTimestamp } from 'lightweight-charts';
import { formatCents, formatPrice } from '../../../../src-shared/domain/money';
import type { StrategyMark } from '../../../../src-shared/domain/strategies';
import type { PositionSummary } from '../../../../src-shared/domain/summaries';
import type { BarView, ContractView, FillView, OrderView } from '../../../../src-shared/domain/trading';
import type { PlannedBracket } from '../../lib/planned-brackets-store';
import { causeMarker, causeText } from '../../lib/cause-text';
import { formatTicks, openProfit } from '../../lib/profit-and-loss';
import { barIndexAt } from './bar-series';
import type { ChartColors } from './chart-colors';
import { orderLineItems } from './order-line-items';
import { OrderLinesPrimitive } from './primitives/order-lines/order-lines-primitive';
import { PositionLinePrimitive } from './primitives/position-line/position-line-primitive';
import { SessionBreaksPrimitive } from './primitives/session-breaks/session-breaks-primitive';

/** Everything drawn over the bars, from the trading state. */
export interface OverlayState {
  readonly contract: ContractView;
  readonly orders: readonly OrderView[];
  readonly position: PositionSummary | undefined;
  readonly fills: readonly FillView[];
  readonly planned: Readonly<Record<number, PlannedBracket>>;
  /** Lines being dragged or waiting for the broker, at their new ticks. */
  readonly overrides: ReadonlyMap<number, number>;
  /** Orders strategies placed, by order id: their lines and fills are marked as the strategy's. */
  readonly marks: ReadonlyMap<number, StrategyMark>;
}

/** Order lines, the position line, session breaks, fill markers (manual and strategy) and indicator markers of one chart. */
export class ChartOverlays {
  public readonly orderLines: OrderLinesPrimitive;
  private readonly positionLine: PositionLinePrimitive;
  private readonly sessionBreaks: SessionBreaksPrimitive;
  private state: OverlayState | undefined;
  private markTicks: number | null = null;
  private fillsShown: readonly FillView[] | undefined;
  private markerBars = 0;
  private marksShown: ReadonlyMap<number, StrategyMark> | undefined;
  private fillMarkers: SeriesMarker<Time>[] = [];
  private indicatorMarkers: SeriesMarker<Time>[] = [];
  private positionLabel = '';

  public constructor(
    series: ISeriesApi<'Candlestick', Time>,
    private readonly markers: ISeriesMarkersPluginApi<Time>,
    private colors: ChartColors,
    private readonly probe: ChartProbe,
  ) {
    this.sessionBreaks = new SessionBreaksPrimitive({ color: colors.sessionBreak });
    this.orderLines = new OrderLinesPrimitive(this.lineOptions(colors));
    this.positionLine = new PositionLinePrimitive({ profitColor: colors.up, lossColor: colors.down });
    series.attachPrimitive(this.sessionBreaks);
    series.attachPrimitive(this.positionLine);
    series.attachPrimitive(this.orderLines);
  }

  public setColors(colors: ChartColors): void {
    this.colors = colors;
    this.sessionBreaks.applyOptions({ color: colors.sessionBreak });
    this.orderLines.applyOptions(this.lineOptions(colors));
    this.positionLine.applyOptions({ profitColor: colors.up, lossColor: colors.down });
  }

  public setSessionBreaks(times: readonly UTCTimestamp[]): void {
    this.sessionBreaks.setBreaks(times);
  }

  /** New trading state: rebuilds the lines, and the markers when the fills changed. */
  public update(state: OverlayState, bars: readonly BarView[], times: readonly UTCTimestamp[]): void {
    this.state = state;
    const { contract } = state;
    const lines = orderLineItems(state.orders, contract, state.position?.position, state.planned, state.overrides, state.marks);
    this.orderLines.setLines(lines, (price) => formatPrice(Math.round(price / contract.tickSize), contract.tickSize));
    this.markTicks ??= state.position?.markTicks ?? null;
    this.drawPosition();
    if (state.fills !== this.fillsShown || state.marks !== this.marksShown || bars.length !== this.markerBars) this.drawFills(bars, times);
  }

  /** Markers of the indicators (smart-money swings and breaks), shown with the fills. */
  public setIndicatorMarkers(markers: SeriesMarker<Time>[]): void {
    if (markers.length === 0 && this.indicatorMarkers.length === 0) return;
    this.indicatorMarkers = markers;
    this.showMarkers();
  }

  /** The bars changed (history loaded): fill markers move to their bars. */
  public refresh(bars: readonly BarView[], times: readonly UTCTimestamp[]): void {
    if (this.state !== undefined) this.drawFills(bars, times);
  }

  /** A new last price: the position's P&L follows it. */
  public markPrice(lastTicks: number | null): void {
    if (lastTicks === null || lastTicks === this.markTicks) return;
    this.markTicks = lastTicks;
    this.drawPosition();
  }

  /** The position line's text as drawn, or empty without a position. */
  public positionText(): string {
    return this.positionLabel;
  }

  private drawPosition(): void {
    const summary = this.state?.position;
    const contract = this.state?.contract;
    if (summary === undefined || contract === undefined || summary.position.size === 0) {
      this.positionLabel = '';
      this.positionLine.setMark(undefined, '');
      return;
    }
    const { position } = summary;
    const average = position.averageTicks;
    const title = `${position.size > 0 ? 'LONG' : 'SHORT'} ${Math.abs(position.size)} @ ${formatPrice(Math.round(average), contract.tickSize)}`;
    const profit = this.markTicks === null ? undefined : openProfit(position, this.markTicks, contract);
    const profitText = profit === undefined ? '' : `${formatTicks(profit.ticks)}  ${profit.cents > 0 ? '+' : ''}${formatCents(profit.cents)}`;
    this.positionLabel = `${title}  ${profitText}`.trim();
    this.positionLine.setMark(
      { price: average * contract.tickSize, title, profitText, profitSign: Math.sign(profit?.cents ?? 0) },
      formatPrice(Math.round(average), contract.tickSize),
    );
  }

  private drawFills(bars: readonly BarView[], times: readonly UTCTimestamp[]): void {
    const state = this.state;
    if (state === undefined) return;
    this.fillsShown = state.fills;
    this.marksShown = state.marks;
    this.markerBars = bars.length;
    const { contract } = state;
    const markers: SeriesMarker<Time>[] = [];
    const published: { id: number; owner: string; side: string; text: string; cause: string }[] = [];
    for (const fill of state.fills) {
      if (fill.contractId !== contract.id || fill.voided) continue;
      const time = times[barIndexAt(bars, fill.time)];
      if (time === undefined) continue;
      const buy = fill.side === 'buy';
      const strategy = state.marks.get(fill.orderId)?.strategyId;
      // A leg's, the risk manager's or another app's fill says so: `T1 S1`, `SL B2`, `RISK S1`.
      const prefix = strategy ?? causeMarker(fill.cause);
      const text = `${prefix === '' ? '' : `${prefix} `}${buy ? 'B' : 'S'}${fill.size}`;
      markers.push({
        id: `fill:${fill.id}`,
        time,
        position: buy ? 'atPriceBottom' : 'atPriceTop',
        price: fill.priceTicks * contract.tickSize,
        // A strategy's fills are circles in its colour; manual fills are arrows in the side's colour.
        shape: strategy === undefined ? (buy ? 'arrowUp' : 'arrowDown') : 'circle',
        color: strategy === undefined ? (buy ? this.colors.buy : this.colors.sell) : this.colors.strategy,
        text,
        size: 0.8,
      });
      published.push({ id: fill.id, owner: strategy ?? 'manual', side: fill.side, text, cause: causeText(fill.cause) });
    }
    this.fillMarkers = markers;
    this.showMarkers();
    const text = JSON.stringify(published);
    this.probe.set('fills', text);
  }

  private showMarkers(): void {
    const all = [...this.fillMarkers, ...this.indicatorMarkers];
    all.sort((left, right) => Number(left.time) - Number(right.time));
    this.markers.setMarkers(all);
  }

  private lineOptions(colors: ChartColors) {
    return {
      buyColor: colors.buy,
      sellColor: colors.sell,
      stopColor: colors.down,
      targetColor: colors.up,
      labelBackground: colors.labelBackground,
      strategyColor: colors.strategy,
    };
  }
}
