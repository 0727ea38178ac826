import type { OrderModel } from './exchange-api';
import type { ProductSpec } from './product-catalogue';
import { finalStatuses, orderStatus, orderType } from './projectx-enums';
import { averageTicksToPrice, ticksToPrice } from './tick-math';

/** What part an order plays: an entry, or one leg of an entry's bracket. */
export type OrderRole = 'entry' | 'stop-loss' | 'take-profit';

/** Signed bracket distances of an entry, in ticks from its fill. */
export interface BracketPlan {
  readonly stopLossTicks: number | null;
  readonly takeProfitTicks: number | null;
}

/** An order inside the exchange: prices in integer ticks. */
export interface OrderRecord {
  readonly id: number;
  readonly accountId: number;
  readonly spec: ProductSpec;
  readonly contractId: string;
  readonly createdMs: number;
  readonly creationTimestamp: string;
  updateTimestamp: string | null;
  status: number;
  readonly type: number;
  readonly side: number;
  size: number;
  limitTicks: number | null;
  stopTicks: number | null;
  /** Trailing distance in ticks (trailing stops only). */
  trailTicks: number | null;
  /** Best price seen since the trail started, the stop follows it. */
  trailExtremeTicks: number | null;
  /** A stop-limit whose stop has fired now works as a limit. */
  triggered: boolean;
  fillVolume: number;
  /** Sum of fill price × size, for the average fill price. */
  fillCostTicks: number;
  readonly customTag: string | null;
  readonly role: OrderRole;
  readonly parentOrderId: number | null;
  linkedOrderId: number | null;
  readonly bracket: BracketPlan | null;
  readonly childIds: number[];
}

/** Whether an order rests on the book and can fill (Suspended bracket legs cannot). */
export function isWorking(order: OrderRecord): boolean {
  return order.status === orderStatus.open;
}

/** Whether an order can still change (not filled, cancelled, expired or rejected). */
export function isLive(order: OrderRecord): boolean {
  return !finalStatuses.has(order.status);
}

/** Whether the order buys. */
export function isBuy(order: OrderRecord): boolean {
  return order.side === 0;
}

/** The `OrderModel`: trails read back as a distance (`trailDistance` ticks, `trailPrice` price). */
export function orderModelOf(order: OrderRecord): OrderModel {
  const price = (ticks: number | null): number | null => (ticks === null ? null : ticksToPrice(order.spec, ticks));
  const model: OrderModel = {
    id: order.id,
    accountId: order.accountId,
    contractId: order.contractId,
    symbolId: `F.US.${order.spec.root}`,
    creationTimestamp: order.creationTimestamp,
    updateTimestamp: order.updateTimestamp,
    status: order.status,
    type: order.type,
    side: order.side,
    size: order.size,
    limitPrice: price(order.limitTicks),
    stopPrice: price(order.stopTicks),
    fillVolume: order.fillVolume,
    filledPrice: order.fillVolume === 0 ? null : averageTicksToPrice(order.spec, order.fillCostTicks / order.fillVolume),
    customTag: order.customTag,
  };
  if (order.type === orderType.trailingStop && order.trailTicks !== null) {
    model.trailDistance = order.trailTicks;
    model.trailPrice = ticksToPrice(order.spec, order.trailTicks);
  }
  if (order.parentOrderId !== null) model.parentOrderId = order.parentOrderId;
  if (order.linkedOrderId !== null) model.linkedOrderId = order.linkedOrderId;
  return model;
}

/** Every order the exchange has seen, with the indexes the endpoints and the matcher need. */
export class OrderStore {
  private readonly byId = new Map<number, OrderRecord>();
  private readonly tags = new Set<string>();
  private readonly workingBySymbol = new Map<string, Map<number, OrderRecord>>();

  /** Adds an order; an accepted order's tag becomes taken within its account. */
  public add(order: OrderRecord): void {
    this.byId.set(order.id, order);
    if (order.customTag !== null && order.status !== orderStatus.rejected) this.tags.add(`${order.accountId}:${order.customTag}`);
    this.index(order);
  }

  /** Changes an order's status (always through here, so the working index stays right). */
  public setStatus(order: OrderRecord, status: number): void {
    order.status = status;
    this.index(order);
  }

  /** The order with an id, or undefined. */
  public get(id: number): OrderRecord | undefined {
    return this.byId.get(id);
  }

  /** Whether an account already used a custom tag. */
  public tagTaken(accountId: number, tag: string): boolean {
    return this.tags.has(`${accountId}:${tag}`);
  }

  /** All orders of an account (or all), oldest first. */
  public list(accountId?: number): OrderRecord[] {
    return [...this.byId.values()].filter((order) => accountId === undefined || order.accountId === accountId);
  }

  /** Orders that can still fill or be triggered on a product, oldest first. */
  public working(spec: ProductSpec): OrderRecord[] {
    const working = this.workingBySymbol.get(spec.symbol);
    return working === undefined ? [] : [...working.values()].sort((left, right) => left.id - right.id);
  }

  /** Whether anything works on a product (the feed may skip ahead without playing every print). */
  public hasWorking(spec: ProductSpec): boolean {
    return (this.workingBySymbol.get(spec.symbol)?.size ?? 0) > 0;
  }

  private index(order: OrderRecord): void {
    let working = this.workingBySymbol.get(order.spec.symbol);
    if (working === undefined) {
      working = new Map();
      this.workingBySymbol.set(order.spec.symbol, working);
    }
    if (isWorking(order)) working.set(order.id, order);
    else working.delete(order.id);
  }

  /** Orders not yet final (working, pending or suspended), oldest first. */
  public live(): OrderRecord[] {
    return [...this.byId.values()].filter(isLive);
  }
}
