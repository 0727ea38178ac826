import type { AccountId, ContractId, OrderId } from '../../../../src-shared/domain/ids';
import { isFinalStatus, type AccountView, type FillView, type OrderView, type PositionView, type QuoteView } from '../../../../src-shared/domain/trading';
import type { SessionCalendar } from '../calendar/session-calendar';
import type { AccountLedger } from './account-ledger';
import { DayCounter } from './day-counter';
import type { AccountRiskState, ContractFacts } from '../rules/rule-types';

/** Where the book reads contract facts and quotes (shared by every account). */
export interface MarketView {
  contract(contractId: ContractId): ContractFacts;
  quote(contractId: ContractId): QuoteView | undefined;
  /** True while a flatten or reverse of the trader's (or the risk manager's) is closing the account's contract. */
  closing(accountId: AccountId, contractId: ContractId): boolean;
}

/**
 * The risk manager's state of one account, mirrored from the trading core's books and indexed for
 * the rules: positions and working orders by id, the day's counters, best prices, the ledger.
 */
export class AccountBook implements AccountRiskState {
  public account: AccountView | undefined;
  public readonly positions = new Map<ContractId, PositionView>();
  public readonly workingOrders = new Map<OrderId, OrderView>();
  public readonly bestTicks = new Map<ContractId, number>();
  public day: DayCounter;
  /** The current trading day runs from `dayStartAt` to `nextRollAt` (0 until known). */
  public dayStartAt = 0;
  public nextRollAt = 0;
  public lastEventAt: number | null = null;

  public constructor(
    public readonly accountId: AccountId,
    public readonly history: AccountLedger,
    public session: SessionCalendar,
    private readonly market: MarketView,
  ) {
    this.day = new DayCounter(history.day);
  }

  public contract(contractId: ContractId): ContractFacts {
    return this.market.contract(contractId);
  }

  public quote(contractId: ContractId): QuoteView | undefined {
    return this.market.quote(contractId);
  }

  public closing(contractId: ContractId): boolean {
    return this.market.closing(this.accountId, contractId);
  }

  /** Takes a position from the core; returns the signed size it had before. */
  public applyPosition(position: PositionView): number {
    const previous = this.positions.get(position.contractId)?.size ?? 0;
    if (position.size === 0) {
      this.positions.delete(position.contractId);
      this.bestTicks.delete(position.contractId);
      return previous;
    }
    // A new or flipped position starts its best price again.
    if (previous === 0 || Math.sign(previous) !== Math.sign(position.size)) this.bestTicks.delete(position.contractId);
    this.positions.set(position.contractId, position);
    this.markBest(position.contractId);
    return previous;
  }

  /** Takes an order from the core: working orders are indexed, final ones dropped. */
  public applyOrder(order: OrderView): void {
    if (isFinalStatus(order.status)) this.workingOrders.delete(order.id);
    else this.workingOrders.set(order.id, order);
  }

  /** True when an instant falls in the current trading day (no time-zone work needed). */
  public inDay(time: number): boolean {
    return time >= this.dayStartAt && time < this.nextRollAt;
  }

  /** Counts a fill of the current day once; false for a repeat or another day's fill. */
  public recordFill(fill: FillView, fillDay: string, now: number): boolean {
    if (fillDay < this.day.day || this.day.has(fill.id)) return false;
    return this.day.record(fill, now);
  }

  /** Moves the best price of a position after a quote. */
  public markBest(contractId: ContractId): void {
    const position = this.positions.get(contractId);
    const quote = this.quote(contractId);
    if (position === undefined || quote === undefined) return;
    const mark = quote.lastTicks ?? (position.size > 0 ? quote.bidTicks : quote.askTicks);
    if (mark === null) return;
    const best = this.bestTicks.get(contractId);
    if (best === undefined || (position.size > 0 ? mark > best : mark < best)) this.bestTicks.set(contractId, mark);
  }

  /** Starts a new trading day's counters. */
  public startDay(day: string): void {
    this.day = new DayCounter(day);
  }
}
