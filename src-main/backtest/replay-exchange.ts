import type { StrategyOrderRole } from '../../src-shared/domain/strategies';
import type { AccountId } from '../../src-shared/domain/ids';
import type { BarView, ContractView, FillView, OrderSide, OrderView } from '../../src-shared/domain/trading';
import { fillAtPrint, replayOrderView, triggerOnMove, type ReplayOrder } from './replay-order';

/** What the exchange reports. */
export interface ReplayListener {
  order(view: OrderView, role: StrategyOrderRole): void;
  fill(fill: FillView): void;
}

/** How the exchange is set up. */
export interface ReplayExchangeOptions {
  readonly accountId: AccountId;
  readonly contract: ContractView;
  readonly feeCentsPerSide: number;
  readonly slippageTicks: number;
  readonly listener: ReplayListener;
  readonly now: () => number;
}

/** An order to place, in ticks. */
export interface ReplayOrderRequest {
  readonly side: OrderSide;
  readonly type: 'market' | 'limit' | 'stop';
  readonly size: number;
  readonly limitTicks?: number;
  readonly stopTicks?: number;
  readonly bracket?: { readonly stopLossTicks: number; readonly takeProfitTicks: number | null };
  readonly role: StrategyOrderRole;
}

/**
 * The simulator's matching rules played over bars: each bar becomes the prints the simulator makes
 * of one bar (open, then the nearer extreme... precisely: up bars dip first, down bars spike first,
 * then the close). Market orders fill at the next print with slippage; stops trigger at or beyond
 * their price and fill there with slippage (at the open when it gaps through); resting limits fill
 * at their price only when traded through. An entry's bracket opens at its fill (Auto OCO): a stop
 * and a limit at the bracket's distances, one cancelling the other.
 */
export class ReplayExchange {
  private readonly working: ReplayOrder[] = [];
  private nextOrderId = 1;
  private nextFillId = 1;

  public constructor(private readonly options: ReplayExchangeOptions) {}

  /** True when orders wait to be matched. */
  public get hasWorking(): boolean {
    return this.working.length > 0;
  }

  /** Places an order; it works from the next print. */
  public place(request: ReplayOrderRequest): number {
    const now = this.options.now();
    const order: ReplayOrder = {
      id: this.nextOrderId++,
      side: request.side,
      type: request.type,
      size: request.size,
      limitTicks: request.limitTicks ?? null,
      stopTicks: request.stopTicks ?? null,
      status: 'open',
      role: request.role,
      parentId: null,
      bracket: request.bracket ?? null,
      fresh: true,
      filledSize: 0,
      averageFillTicks: null,
      createdAt: now,
      updatedAt: now,
    };
    this.working.push(order);
    this.announce(order);
    return order.id;
  }

  /** Cancels a working order; false when it is not working. */
  public cancel(orderId: number): boolean {
    const order = this.working.find((candidate) => candidate.id === orderId);
    if (order === undefined) return false;
    this.end(order, 'cancelled');
    return true;
  }

  /** Moves a working order's stop or limit; false when it is not working. */
  public modify(orderId: number, change: { readonly stopTicks?: number; readonly limitTicks?: number }): boolean {
    const order = this.working.find((candidate) => candidate.id === orderId);
    if (order === undefined) return false;
    if (change.stopTicks !== undefined && order.type === 'stop') order.stopTicks = change.stopTicks;
    if (change.limitTicks !== undefined && order.type === 'limit') order.limitTicks = change.limitTicks;
    order.updatedAt = this.options.now();
    this.announce(order);
    return true;
  }

  /** Ends the run: cancels what works and closes a position of `size` (signed) at `priceTicks`, without slippage. */
  public settle(size: number, priceTicks: number, bar: BarView): void {
    for (const order of [...this.working]) this.end(order, 'cancelled');
    if (size === 0) return;
    const order: ReplayOrder = {
      id: this.nextOrderId++,
      side: size > 0 ? 'sell' : 'buy',
      type: 'market',
      size: Math.abs(size),
      limitTicks: null,
      stopTicks: null,
      status: 'open',
      role: 'exit',
      parentId: null,
      bracket: null,
      fresh: false,
      filledSize: 0,
      averageFillTicks: null,
      createdAt: this.options.now(),
      updatedAt: this.options.now(),
    };
    this.working.push(order);
    this.announce(order);
    this.fill(order, priceTicks, bar);
  }

  /** Plays one bar's prints against the working orders. */
  public play(bar: BarView): void {
    const open = bar.open;
    for (const order of [...this.working]) {
      if (order.status !== 'open') continue;
      const price = fillAtPrint(order, open);
      if (price !== null) this.fill(order, this.slipped(order, price, bar), bar);
    }
    for (const order of this.working) order.fresh = false;
    // Up bars dip first, down bars spike first: both extremes are visited, as the simulator prints a bar.
    const route = bar.close >= bar.open ? [open, bar.low, bar.high, bar.close] : [open, bar.high, bar.low, bar.close];
    for (let index = 1; index < route.length && this.working.length > 0; index++) this.walk(route[index - 1] ?? open, route[index] ?? open, bar);
  }

  private walk(start: number, to: number, bar: BarView): void {
    if (start === to) return;
    let from = start;
    for (;;) {
      let next: ReplayOrder | undefined;
      let nextPrice = 0;
      for (const order of this.working) {
        const price = triggerOnMove(order, from, to);
        if (price === null) continue;
        const nearer = next === undefined || (to > from ? price < nextPrice : price > nextPrice) || (price === nextPrice && order.id < next.id);
        if (nearer) {
          next = order;
          nextPrice = price;
        }
      }
      if (next === undefined) return;
      this.fill(next, next.type === 'stop' ? this.slipped(next, nextPrice, bar) : nextPrice, bar);
      from = nextPrice;
    }
  }

  private slipped(order: ReplayOrder, price: number, bar: BarView): number {
    if (order.type === 'limit') return price;
    // Slippage never takes a fill beyond what the bar traded.
    return order.side === 'buy'
      ? Math.min(price + this.options.slippageTicks, Math.max(bar.high, price))
      : Math.max(price - this.options.slippageTicks, Math.min(bar.low, price));
  }

  private fill(order: ReplayOrder, priceTicks: number, bar: BarView): void {
    const { accountId, contract, feeCentsPerSide, listener } = this.options;
    order.filledSize = order.size;
    order.averageFillTicks = priceTicks;
    this.end(order, 'filled');
    listener.fill({
      id: this.nextFillId++,
      accountId,
      contractId: contract.id,
      orderId: order.id,
      side: order.side,
      size: order.size,
      priceTicks,
      realizedCents: null,
      feesCents: feeCentsPerSide * order.size,
      voided: false,
      time: Math.max(bar.time, this.options.now()),
    });
    if (order.bracket !== null) this.openBracket(order, priceTicks);
    if (order.parentId !== null) {
      for (const sibling of [...this.working]) if (sibling.parentId === order.parentId) this.end(sibling, 'cancelled');
    }
  }

  private openBracket(entry: ReplayOrder, fillTicks: number): void {
    const plan = entry.bracket;
    if (plan === null) return;
    const exitSide: OrderSide = entry.side === 'buy' ? 'sell' : 'buy';
    const sign = entry.side === 'buy' ? 1 : -1;
    const now = this.options.now();
    const leg = (type: 'stop' | 'limit', ticks: number, role: StrategyOrderRole): ReplayOrder => ({
      id: this.nextOrderId++,
      side: exitSide,
      type,
      size: entry.size,
      limitTicks: type === 'limit' ? ticks : null,
      stopTicks: type === 'stop' ? ticks : null,
      status: 'open',
      role,
      parentId: entry.id,
      bracket: null,
      fresh: false,
      filledSize: 0,
      averageFillTicks: null,
      createdAt: now,
      updatedAt: now,
    });
    const legs = [leg('stop', fillTicks - sign * plan.stopLossTicks, 'stop-loss')];
    if (plan.takeProfitTicks !== null) legs.push(leg('limit', fillTicks + sign * plan.takeProfitTicks, 'take-profit'));
    for (const order of legs) {
      this.working.push(order);
      this.announce(order);
    }
  }

  private end(order: ReplayOrder, status: 'filled' | 'cancelled'): void {
    order.status = status;
    order.updatedAt = this.options.now();
    const index = this.working.indexOf(order);
    if (index >= 0) this.working.splice(index, 1);
    this.announce(order);
  }

  private announce(order: ReplayOrder): void {
    this.options.listener.order(replayOrderView(order, this.options.accountId, this.options.contract.id), order.role);
  }
}
