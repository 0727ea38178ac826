import type { StrategySeries } from '../../../src-shared/domain/strategies';
import type { BarView, TapeTrade } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';
import { BarAggregator } from '../market/bar-aggregator';
import { barEnd } from './bar-rollup';
import type { Cancel, Scheduler } from '../scheduler';

/** How long after its end a bar without a later print is closed anyway (late prints may still arrive). */
const closeGraceMs = 1_500;

/**
 * Closed bars of one series from the live tape: a bar closes when a print opens a later bar, or
 * `closeGraceMs` after its end when the market is quiet. Each bar is emitted once, in order.
 */
export class LiveBarFeed {
  private readonly aggregator: BarAggregator;
  private lastEmitted = Number.NEGATIVE_INFINITY;
  private cancelTimer: Cancel | undefined;
  private armedFor = Number.NaN;

  public constructor(
    public readonly series: StrategySeries,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly emit: (bar: BarView) => void,
  ) {
    this.aggregator = new BarAggregator(series.unit, series.unitNumber);
  }

  /** Seeds history (oldest first; the newest may still be forming); bars before `settledBefore` count as emitted. */
  public seed(history: readonly BarView[], settledBefore: number): void {
    this.aggregator.seed(history);
    for (const bar of history) if (barEnd(bar.time, this.series) <= settledBefore) this.lastEmitted = Math.max(this.lastEmitted, bar.time);
    this.arm();
  }

  /** Takes a batch of prints. */
  public apply(trades: readonly TapeTrade[]): void {
    if (this.aggregator.apply(trades).length === 0) return;
    this.emitClosed(false);
  }

  /** Stops the close timer. */
  public dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private emitClosed(byTime: boolean): void {
    const bars = this.aggregator.snapshot();
    const now = this.clock.now();
    const newest = bars[bars.length - 1];
    for (const bar of bars) {
      if (bar.time <= this.lastEmitted) continue;
      // The newest bar is still forming unless its time is up.
      if (bar === newest && !(byTime && barEnd(bar.time, this.series) <= now)) break;
      this.lastEmitted = bar.time;
      this.emit(bar);
    }
    this.arm();
  }

  private arm(): void {
    const newest = this.aggregator.snapshot().at(-1);
    if (newest === undefined || newest.time <= this.lastEmitted || newest.time === this.armedFor) return;
    this.cancelTimer?.();
    this.armedFor = newest.time;
    const due = barEnd(newest.time, this.series) + closeGraceMs;
    this.cancelTimer = this.scheduler.schedule(Math.max(0, due - this.clock.now()), () => {
      this.cancelTimer = undefined;
      this.armedFor = Number.NaN;
      this.emitClosed(true);
    });
  }
}
