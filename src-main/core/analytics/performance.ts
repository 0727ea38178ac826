import type { EquityPoint, PerformanceFigures } from '../../../src-shared/domain/analytics';
import type { Cents } from '../../../src-shared/domain/money';

/** Trading days in a year, for annualizing. */
const tradingDaysPerYear = 252;

/**
 * Tracks equity as it moves: its running peak, the deepest drawdown, and one close per trading
 * day for the Sharpe ratio. Feed it marks in time order; it keeps O(days) memory.
 */
export class EquityTracker {
  private peak: Cents;
  private deepest: Cents = 0;
  private readonly dayCloses: Cents[] = [];
  private dayOpen: Cents;
  private current: Cents;
  private day = '';

  public constructor(start: Cents) {
    this.peak = start;
    this.dayOpen = start;
    this.current = start;
  }

  /** Records equity at a moment of a trading day. */
  public mark(day: string, equity: Cents): void {
    if (day !== this.day) {
      if (this.day !== '') this.dayCloses.push(this.current - this.dayOpen);
      this.day = day;
      this.dayOpen = this.current;
    }
    this.current = equity;
    if (equity > this.peak) this.peak = equity;
    else if (equity - this.peak < this.deepest) this.deepest = equity - this.peak;
  }

  /** The drawdown at the last mark (≤ 0). */
  public drawdown(): Cents {
    return this.current - this.peak;
  }

  /** The figures so far (the open day counts as a day). */
  public figures(): PerformanceFigures {
    const daily = this.day === '' ? [] : [...this.dayCloses, this.current - this.dayOpen];
    return { maxDrawdownCents: this.deepest, sharpe: sharpeRatio(daily), days: daily.length };
  }
}

/** Annualized Sharpe ratio of daily P&L (mean / sample deviation × √252); null below two days or without variance. */
export function sharpeRatio(daily: readonly number[]): number | null {
  if (daily.length < 2) return null;
  const mean = daily.reduce((sum, value) => sum + value, 0) / daily.length;
  const variance = daily.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (daily.length - 1);
  if (variance === 0) return null;
  return Math.round((mean / Math.sqrt(variance)) * Math.sqrt(tradingDaysPerYear) * 1000) / 1000;
}

/** The cumulative net curve of trips closed in order, with its drawdown at each point. */
export function equityCurve(points: readonly { readonly time: number; readonly netCents: Cents }[], start: Cents = 0): EquityPoint[] {
  let equity = start;
  let peak = start;
  return points.map((point) => {
    equity += point.netCents;
    peak = Math.max(peak, equity);
    return { time: point.time, equityCents: equity, drawdownCents: equity - peak };
  });
}
