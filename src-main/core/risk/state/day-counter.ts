import type { FillId, OrderId } from '../../../../src-shared/domain/ids';
import type { Cents } from '../../../../src-shared/domain/money';
import type { FillView } from '../../../../src-shared/domain/trading';
import type { DayFigures } from '../rules/rule-types';

const hourMs = 3_600_000;

/** One account's trading-day counters: realized P&L, fees, fills, recent fill times, closing trades. */
export class DayCounter implements DayFigures {
  public realizedCents: Cents = 0;
  public feesCents: Cents = 0;
  public fills = 0;
  public readonly recentFillTimes: number[] = [];
  private readonly closing = new Map<OrderId, Cents>();
  private readonly seen = new Set<FillId>();
  private readonly voided = new Set<FillId>();
  /** What each counted fill added, to take it back out if the broker voids it. */
  private readonly counted = new Map<FillId, Pick<FillView, 'realizedCents' | 'feesCents' | 'orderId' | 'time'>>();

  public constructor(public readonly day: string) {}

  /** Counts a fill once (by id); false for a repeat. Voided fills count nothing. */
  public record(fill: FillView, now: number): boolean {
    if (this.seen.has(fill.id)) return false;
    this.seen.add(fill.id);
    if (fill.voided) return false;
    this.counted.set(fill.id, { realizedCents: fill.realizedCents, feesCents: fill.feesCents, orderId: fill.orderId, time: fill.time });
    this.realizedCents += fill.realizedCents ?? 0;
    this.feesCents += fill.feesCents;
    this.fills++;
    if (fill.realizedCents !== null) this.closing.set(fill.orderId, (this.closing.get(fill.orderId) ?? 0) + fill.realizedCents);
    this.insertTime(fill.time);
    // Only the last hour matters to the frequency windows.
    while (this.recentFillTimes.length > 0 && (this.recentFillTimes[0] ?? 0) <= now - hourMs) this.recentFillTimes.shift();
    return true;
  }

  /**
   * Takes a counted fill back out after the broker voided it (a busted trade): its realized P&L,
   * fees and count leave the day. Locks it already caused stay until they end (there is no unlock).
   */
  public void(fill: FillView): boolean {
    if (!this.seen.has(fill.id) || this.voided.has(fill.id)) return false;
    const counted = this.counted.get(fill.id);
    this.voided.add(fill.id);
    if (counted === undefined) return false;
    this.realizedCents -= counted.realizedCents ?? 0;
    this.feesCents -= counted.feesCents;
    this.fills--;
    if (counted.realizedCents !== null) this.closing.set(counted.orderId, (this.closing.get(counted.orderId) ?? 0) - counted.realizedCents);
    const at = this.recentFillTimes.indexOf(counted.time);
    if (at >= 0) this.recentFillTimes.splice(at, 1);
    return true;
  }

  /** True when the fill was already counted. */
  public has(fillId: FillId): boolean {
    return this.seen.has(fillId);
  }

  public closingOrderCents(orderId: OrderId): Cents {
    return this.closing.get(orderId) ?? 0;
  }

  private insertTime(time: number): void {
    let index = this.recentFillTimes.length;
    while (index > 0 && (this.recentFillTimes[index - 1] ?? 0) > time) index--;
    this.recentFillTimes.splice(index, 0, time);
  }
}
