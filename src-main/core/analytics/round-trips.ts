import type { RoundTripView } from '../../../src-shared/domain/analytics';
import type { AccountId, ContractId, FillId, OrderId } from '../../../src-shared/domain/ids';
import type { Cents } from '../../../src-shared/domain/money';
import type { OrderCause } from '../../../src-shared/domain/order-cause';
import type { OrderSide } from '../../../src-shared/domain/trading';

/** The parts of a fill a round trip needs. */
export interface TripFill {
  readonly id: FillId;
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly orderId: OrderId;
  readonly side: OrderSide;
  readonly size: number;
  readonly priceTicks: number;
  readonly feesCents: Cents;
  /** The broker's realized P&L; used only when the tick value is unknown. */
  readonly realizedCents: Cents | null;
  readonly time: number;
  /** Who caused it (its order's cause); absent on fills journaled before causes were recorded. */
  readonly cause?: OrderCause;
}

/** What a tracker knows of its contract. */
export interface TripContract {
  readonly id: ContractId;
  readonly symbol: string;
  /** Null when unknown: the broker's realized figures are used instead. */
  readonly tickValueCents: Cents | null;
}

interface OpenTrip {
  readonly side: 'long' | 'short';
  readonly firstFill: FillId;
  readonly entryTime: number;
  readonly strategyId: string | null;
  readonly entryCause: OrderCause | null;
  exitCause: OrderCause | null;
  maxSize: number;
  entryCost: number;
  entrySize: number;
  exitCost: number;
  exitSize: number;
  pnlTicks: number;
  brokerCents: Cents;
  feesCents: Cents;
  fills: number;
}

/**
 * Turns one account's fills in one contract into round trips, incrementally: a trip opens when the
 * position leaves flat and closes when it returns there; a fill that reverses the position closes
 * one trip and opens the next (its fees split by size). Positions are averaged (average cost).
 */
export class RoundTripTracker {
  private size = 0;
  private average = 0;
  private trip: OpenTrip | null = null;
  private view: { readonly size: number; readonly averageTicks: number | null } = { size: 0, averageTicks: null };

  public constructor(
    private readonly accountId: AccountId,
    private readonly contract: TripContract,
    private readonly strategyOf: (orderId: OrderId) => string | null,
  ) {}

  /** The net position: signed size and average entry in ticks (null when flat). */
  public position(): { readonly size: number; readonly averageTicks: number | null } {
    // Asked on every bar: the same object until a fill changes it.
    if (this.view.size !== this.size || (this.size !== 0 && this.view.averageTicks !== this.average))
      this.view = { size: this.size, averageTicks: this.size === 0 ? null : this.average };
    return this.view;
  }

  /** The trip still open, as it would close at `markTicks`; null when flat. */
  public openPnlTicks(markTicks: number): number {
    return this.size === 0 ? 0 : (markTicks - this.average) * this.size;
  }

  /** Applies one fill; returns the trips it closed (none, or one). */
  public apply(fill: TripFill): RoundTripView[] {
    const signed = fill.side === 'buy' ? fill.size : -fill.size;
    const closed: RoundTripView[] = [];
    const closing = this.size !== 0 && Math.sign(signed) !== Math.sign(this.size) ? Math.min(Math.abs(signed), Math.abs(this.size)) : 0;
    const opening = Math.abs(signed) - closing;
    const closingFees = opening === 0 ? fill.feesCents : Math.round((fill.feesCents * closing) / fill.size);
    if (closing > 0) {
      const trip = this.ensureTrip(fill);
      const direction = Math.sign(this.size);
      trip.pnlTicks += (fill.priceTicks - this.average) * direction * closing;
      trip.brokerCents += fill.realizedCents ?? 0;
      trip.exitCost += fill.priceTicks * closing;
      trip.exitSize += closing;
      trip.feesCents += closingFees;
      trip.fills++;
      trip.exitCause = this.causeOf(fill);
      this.size -= direction * closing;
      if (this.size === 0) {
        closed.push(this.close(trip, fill.time));
        this.trip = null;
      }
    }
    if (opening > 0) {
      const direction = Math.sign(signed);
      const trip = this.ensureTrip(fill, direction > 0 ? 'long' : 'short');
      this.average = (this.average * Math.abs(this.size) + fill.priceTicks * opening) / (Math.abs(this.size) + opening);
      this.size += direction * opening;
      trip.entryCost += fill.priceTicks * opening;
      trip.entrySize += opening;
      trip.maxSize = Math.max(trip.maxSize, Math.abs(this.size));
      trip.feesCents += fill.feesCents - closingFees;
      trip.fills++;
    }
    return closed;
  }

  private ensureTrip(fill: TripFill, side?: 'long' | 'short'): OpenTrip {
    if (this.trip !== null) return this.trip;
    const entryCause = this.causeOf(fill);
    this.trip = {
      side: side ?? (fill.side === 'buy' ? 'long' : 'short'),
      firstFill: fill.id,
      entryTime: fill.time,
      strategyId: this.strategyOf(fill.orderId) ?? (entryCause?.startsWith('strategy:') === true ? entryCause.slice('strategy:'.length) : null),
      entryCause,
      exitCause: null,
      maxSize: 0,
      entryCost: 0,
      entrySize: 0,
      exitCost: 0,
      exitSize: 0,
      pnlTicks: 0,
      brokerCents: 0,
      feesCents: 0,
      fills: 0,
    };
    return this.trip;
  }

  /**
   * A fill's cause as the core recorded it; for a fill without one (journaled before causes were
   * recorded, or a backtest's), the strategy whose order it was, else unknown.
   */
  private causeOf(fill: TripFill): OrderCause | null {
    if (fill.cause !== undefined) return fill.cause;
    const strategyId = this.strategyOf(fill.orderId);
    return strategyId === null ? null : `strategy:${strategyId}`;
  }

  private close(trip: OpenTrip, exitTime: number): RoundTripView {
    const tickValue = this.contract.tickValueCents;
    const grossCents = tickValue === null ? trip.brokerCents : Math.round(trip.pnlTicks * tickValue);
    return {
      id: `${this.accountId}:${this.contract.id}:${trip.firstFill}`,
      accountId: this.accountId,
      contractId: this.contract.id,
      symbol: this.contract.symbol,
      side: trip.side,
      size: trip.maxSize,
      closedSize: trip.exitSize,
      entryTime: trip.entryTime,
      exitTime,
      entryTicks: trip.entrySize === 0 ? 0 : trip.entryCost / trip.entrySize,
      exitTicks: trip.exitSize === 0 ? 0 : trip.exitCost / trip.exitSize,
      pnlTicks: trip.pnlTicks,
      grossCents,
      feesCents: trip.feesCents,
      netCents: grossCents - trip.feesCents,
      durationMs: exitTime - trip.entryTime,
      source: trip.strategyId === null ? 'manual' : 'strategy',
      strategyId: trip.strategyId,
      entryCause: trip.entryCause,
      exitCause: trip.exitCause,
      fills: trip.fills,
    };
  }
}

/** Round trips of many fills (any accounts and contracts), in order of exit. Fills are taken oldest first. */
export function buildRoundTrips(
  fills: readonly TripFill[],
  contractOf: (contractId: ContractId) => TripContract,
  strategyOf: (orderId: OrderId) => string | null,
): RoundTripView[] {
  const trackers = new Map<string, RoundTripTracker>();
  const trips: RoundTripView[] = [];
  const ordered = [...fills].sort((a, b) => a.time - b.time || a.id - b.id);
  for (const fill of ordered) {
    const key = `${fill.accountId}|${fill.contractId}`;
    let tracker = trackers.get(key);
    if (tracker === undefined) {
      tracker = new RoundTripTracker(fill.accountId, contractOf(fill.contractId), strategyOf);
      trackers.set(key, tracker);
    }
    trips.push(...tracker.apply(fill));
  }
  return trips;
}
