import type { EquityPoint, RoundTripView } from '../../src-shared/domain/analytics';
import type { ContractView, FillView } from '../../src-shared/domain/trading';
import { EquityTracker } from '../core/analytics/performance';
import { RoundTripTracker } from '../core/analytics/round-trips';

/**
 * The backtest's account: cash from every fill (exact, in tick-cents), the position, round trips,
 * and mark-to-market equity at each bar close for the drawdown, Sharpe and the equity curve.
 */
export class BacktestBook {
  public readonly trips: RoundTripView[] = [];
  public readonly equity: EquityPoint[] = [];
  private readonly tracker: RoundTripTracker;
  private readonly tracking: EquityTracker;
  private cashTicks = 0;
  private feesCents = 0;
  private size = 0;
  private lastDay = '';
  private lastEquity: number;
  private lastTime = 0;
  private peak: number;

  public constructor(
    private readonly contract: ContractView,
    private readonly startingBalanceCents: number,
    strategyId: string,
  ) {
    this.tracker = new RoundTripTracker(0, { id: contract.id, symbol: contract.symbol, tickValueCents: contract.tickValueCents }, () => strategyId);
    this.tracking = new EquityTracker(startingBalanceCents);
    this.lastEquity = startingBalanceCents;
    this.peak = startingBalanceCents;
  }

  /** Books a fill; a closed round trip adds a point to the equity curve. */
  public fill(fill: FillView, markDay: string): void {
    const signed = fill.side === 'buy' ? fill.size : -fill.size;
    this.cashTicks -= signed * fill.priceTicks;
    this.size += signed;
    this.feesCents += fill.feesCents;
    const closed = this.tracker.apply(fill);
    if (closed.length === 0) return;
    this.trips.push(...closed);
    const equity = this.equityAt(fill.priceTicks);
    this.tracking.mark(markDay, equity);
    this.point(fill.time, equity);
  }

  /** Marks equity at a bar's close; the last mark of each trading day goes on the curve. */
  public mark(time: number, day: string, closeTicks: number): void {
    if (day !== this.lastDay && this.lastDay !== '') this.point(this.lastTime, this.lastEquity);
    const equity = this.equityAt(closeTicks);
    this.tracking.mark(day, equity);
    this.lastDay = day;
    this.lastEquity = equity;
    this.lastTime = time;
  }

  /** Closes the curve with the final mark. */
  public finish(): void {
    if (this.lastDay !== '') this.point(this.lastTime, this.lastEquity);
  }

  /** The balance at the last mark. */
  public get endingCents(): number {
    return this.lastEquity;
  }

  /** Drawdown, Sharpe and days. */
  public figures(): ReturnType<EquityTracker['figures']> {
    return this.tracking.figures();
  }

  private equityAt(markTicks: number): number {
    return this.startingBalanceCents + (this.cashTicks + this.size * markTicks) * this.contract.tickValueCents - this.feesCents;
  }

  private point(time: number, equity: number): void {
    const last = this.equity[this.equity.length - 1];
    if (last !== undefined && last.time === time && last.equityCents === equity) return;
    this.peak = Math.max(this.peak, equity);
    this.equity.push({ time, equityCents: equity, drawdownCents: equity - this.peak });
  }
}
