import type { JournalView, TradeStatsView } from '../../../src-shared/domain/analytics';
import type { AccountId, ContractId, OrderId } from '../../../src-shared/domain/ids';
import type { FillView } from '../../../src-shared/domain/trading';
import type { Clock } from '../clock';
import type { StorePort } from '../ports/store-port';
import { ExchangeCalendar, tradingDayOf } from '../../../src-shared/exchange';
import type { TradingCore } from '../trading-core';
import { EquityTracker, equityCurve } from './performance';
import { buildRoundTrips, type TripContract } from './round-trips';
import { groupTrips, summarizeTrips } from './trade-statistics';

/** The default period: the last 30 days. */
const defaultDays = 30;
const dayMs = 86_400_000;

/** What the journal reads. */
export interface JournalDependencies {
  readonly core: TradingCore;
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  /** Which strategy placed an order, or null (manual); `loadDays` loads the trading days a period needs first. */
  readonly attribution: { strategyOf(orderId: OrderId): string | null; loadDays?(days: readonly string[]): void };
}

/**
 * Trade analytics of an account: round trips from the journaled fills (the store) and the live ones
 * (the core), attributed to strategies or manual trading, with statistics by day, hour, contract
 * and strategy and an equity curve.
 */
export class JournalService {
  private readonly calendar = new ExchangeCalendar();

  public constructor(private readonly dependencies: JournalDependencies) {}

  /** Round trips closed in [from, to), newest first. */
  public journal(accountId: AccountId, period: { from?: number; to?: number }, strategyId: string | undefined, limit: number): JournalView {
    const { from, to } = this.period(period);
    const trips = this.trips(accountId, from, to).filter(
      (trip) => strategyId === undefined || (strategyId === 'manual' ? trip.source === 'manual' : trip.strategyId === strategyId),
    );
    return { accountId, from, to, trades: trips.reverse().slice(0, limit) };
  }

  /** Statistics of round trips closed in [from, to). */
  public stats(accountId: AccountId, period: { from?: number; to?: number }): TradeStatsView {
    const { from, to } = this.period(period);
    const trips = this.trips(accountId, from, to);
    const tracker = new EquityTracker(0);
    let level = 0;
    for (const trip of trips) {
      level += trip.netCents;
      tracker.mark(tradingDayOf(trip.exitTime), level);
    }
    return {
      accountId,
      from,
      to,
      overall: { ...summarizeTrips(trips), ...tracker.figures() },
      byDay: groupTrips(trips, (trip) => tradingDayOf(trip.exitTime)),
      byHour: groupTrips(trips, (trip) => String(Math.floor(this.calendar.minuteOfDay(trip.entryTime) / 60)).padStart(2, '0')),
      byContract: groupTrips(trips, (trip) => trip.symbol),
      byStrategy: groupTrips(trips, (trip) => trip.strategyId ?? 'manual'),
      equity: equityCurve(trips.map((trip) => ({ time: trip.exitTime, netCents: trip.netCents }))),
    };
  }

  private period(period: { from?: number; to?: number }): { from: number; to: number } {
    const to = period.to ?? this.dependencies.clock.now() + 1;
    return { from: period.from ?? to - defaultDays * dayMs, to };
  }

  /** Round trips exiting in [from, to), oldest first; fills from a day before `from` open the trips in progress. */
  private trips(accountId: AccountId, from: number, to: number) {
    const { core, store } = this.dependencies;
    const since = from - dayMs;
    const fills = new Map<number, FillView>();
    for (const fill of store?.fillsSince(accountId, since) ?? []) fills.set(fill.id, fill);
    for (const fill of core.fills.recent(accountId, Number.MAX_SAFE_INTEGER)) if (fill.time >= since) fills.set(fill.id, fill);
    const kept = [...fills.values()].filter((fill) => !fill.voided && fill.time < to);
    const { attribution } = this.dependencies;
    attribution.loadDays?.(daysBetween(since, to));
    const contractOf = (contractId: ContractId): TripContract => {
      const contract = core.contracts.known(contractId);
      return contract === undefined
        ? { id: contractId, symbol: contractId, tickValueCents: null }
        : { id: contract.id, symbol: contract.symbol, tickValueCents: contract.tickValueCents };
    };
    return buildRoundTrips(kept, contractOf, (orderId) => attribution.strategyOf(orderId)).filter((trip) => trip.exitTime >= from && trip.exitTime < to);
  }
}

function daysBetween(from: number, to: number): string[] {
  const days: string[] = [];
  for (let time = from; time < to + dayMs; time += dayMs) days.push(tradingDayOf(time));
  return [...new Set(days)];
}
