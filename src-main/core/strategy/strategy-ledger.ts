import type { RoundTripView } from '../../../src-shared/domain/analytics';
import type { StrategyDayView } from '../../../src-shared/domain/strategies';
import type { ContractView, FillView } from '../../../src-shared/domain/trading';
import { RoundTripTracker } from '../analytics/round-trips';

/**
 * A strategy's own book: its position from its fills only, and the current trading day's realized
 * P&L, fees, round trips and wins. A fill is counted once.
 */
export class StrategyLedger {
  private readonly tracker: RoundTripTracker;
  private readonly seen = new Set<number>();
  private day = '';
  private realizedCents = 0;
  private feesCents = 0;
  private trades = 0;
  private wins = 0;

  public constructor(
    private readonly contract: ContractView,
    strategyId: string,
    accountId: number,
  ) {
    this.tracker = new RoundTripTracker(accountId, { id: contract.id, symbol: contract.symbol, tickValueCents: contract.tickValueCents }, () => strategyId);
  }

  /** Applies a fill of the strategy; returns the round trips it closed, or undefined when already counted. */
  public apply(fill: FillView, tradingDay: string, currentDay: string): RoundTripView[] | undefined {
    if (fill.voided || this.seen.has(fill.id)) return undefined;
    if (this.seen.size > 10_000) this.seen.clear();
    this.seen.add(fill.id);
    this.roll(currentDay);
    const before = this.tracker.position();
    const trips = this.tracker.apply(fill);
    if (tradingDay !== this.day) return trips;
    const averageBefore = before.averageTicks;
    const closing = before.size !== 0 && Math.sign(before.size) !== (fill.side === 'buy' ? 1 : -1) ? Math.min(fill.size, Math.abs(before.size)) : 0;
    if (closing > 0 && averageBefore !== null)
      this.realizedCents += Math.round((fill.priceTicks - averageBefore) * Math.sign(before.size) * closing * this.contract.tickValueCents);
    this.feesCents += fill.feesCents;
    for (const trip of trips) {
      this.trades++;
      if (trip.netCents > 0) this.wins++;
    }
    return trips;
  }

  /** Forgets the position (it was closed outside the strategy, e.g. by the trader or the risk manager). */
  public resetPosition(): void {
    const position = this.tracker.position();
    if (position.size === 0 || position.averageTicks === null) return;
    this.tracker.apply({
      id: -1,
      accountId: 0,
      contractId: this.contract.id,
      orderId: 0,
      side: position.size > 0 ? 'sell' : 'buy',
      size: Math.abs(position.size),
      priceTicks: position.averageTicks,
      feesCents: 0,
      realizedCents: 0,
      time: 0,
    });
  }

  /** The position: signed size and average entry in ticks. */
  public position(): { readonly size: number; readonly averageTicks: number | null } {
    return this.tracker.position();
  }

  /** Open P&L in cents at a mark. */
  public openCents(markTicks: number | null): number {
    return markTicks === null ? 0 : Math.round(this.tracker.openPnlTicks(markTicks) * this.contract.tickValueCents);
  }

  /** The day's figures (after rolling to `currentDay`). */
  public dayView(currentDay: string, markTicks: number | null): StrategyDayView {
    this.roll(currentDay);
    const open = this.openCents(markTicks);
    return {
      tradingDay: this.day,
      realizedCents: this.realizedCents,
      feesCents: this.feesCents,
      netCents: this.realizedCents + open - this.feesCents,
      trades: this.trades,
      wins: this.wins,
    };
  }

  private roll(currentDay: string): void {
    if (currentDay === this.day) return;
    this.day = currentDay;
    this.realizedCents = 0;
    this.feesCents = 0;
    this.trades = 0;
    this.wins = 0;
  }
}
