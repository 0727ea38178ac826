import type { StrategyOrderRole } from '../../../src-shared/domain/strategies';
import type { OrderId } from '../../../src-shared/domain/ids';
import type { OrderView } from '../../../src-shared/domain/trading';
import type { StorePort } from '../ports/store-port';
import { tradingDayOf } from '../../../src-shared/exchange';

/** Which strategy an order belongs to, and its part. */
export interface Attribution {
  readonly strategyId: string;
  readonly role: StrategyOrderRole;
}

type StoredDay = readonly (readonly [OrderId, string, StrategyOrderRole])[];

function settingKey(day: string): string {
  return `strategies.attribution.${day}`;
}

/**
 * Which orders each strategy placed, so its fills and P&L are its own: the orders it sent, and the
 * bracket legs of those (by parent id, or the `-SL` / `-TP` tag the broker gives them). Kept per
 * trading day in the store's settings, so the journal attributes trades after a restart too.
 */
export class OrderAttribution {
  private readonly orders = new Map<OrderId, Attribution>();
  private readonly tags = new Map<string, OrderId>();
  private readonly loadedDays = new Set<string>();
  private readonly days = new Map<string, [OrderId, string, StrategyOrderRole][]>();

  public constructor(private readonly store: StorePort | undefined) {}

  /** Records an order a strategy placed. */
  public record(orderId: OrderId, customTag: string | null, attribution: Attribution, time: number): void {
    if (this.orders.has(orderId)) return;
    this.orders.set(orderId, attribution);
    if (customTag !== null) this.tags.set(customTag, orderId);
    this.persist(tradingDayOf(time), orderId, attribution);
  }

  /** The attribution of an order: its own, or its parent's for a bracket leg (recorded on the way). */
  public of(order: Pick<OrderView, 'id' | 'parentOrderId' | 'customTag' | 'type' | 'createdAt'>): Attribution | undefined {
    const known = this.orders.get(order.id);
    if (known !== undefined) return known;
    const parentId = order.parentOrderId ?? this.parentByTag(order.customTag);
    if (parentId === undefined) return undefined;
    const parent = this.orders.get(parentId);
    if (parent === undefined) return undefined;
    const leg: Attribution = {
      strategyId: parent.strategyId,
      role: order.type === 'limit' ? 'take-profit' : order.type === 'stop' || order.type === 'trailing-stop' ? 'stop-loss' : 'other',
    };
    this.record(order.id, null, leg, order.createdAt);
    return leg;
  }

  /** The strategy of an order id, or null for a manual order. */
  public strategyOf(orderId: OrderId): string | null {
    return this.orders.get(orderId)?.strategyId ?? null;
  }

  /** Every attributed order of a strategy. */
  public ordersOf(strategyId: string): OrderId[] {
    return [...this.orders.entries()].filter(([, attribution]) => attribution.strategyId === strategyId).map(([orderId]) => orderId);
  }

  /** Loads the attributions of trading days from the store (before a journal or a restart). */
  public loadDays(days: readonly string[]): void {
    for (const day of days) {
      if (this.loadedDays.has(day)) continue;
      this.loadedDays.add(day);
      const stored = this.store?.setting(settingKey(day));
      if (!Array.isArray(stored)) continue;
      for (const row of stored as StoredDay) {
        if (!Array.isArray(row) || typeof row[0] !== 'number' || typeof row[1] !== 'string') continue;
        if (!this.orders.has(row[0])) this.orders.set(row[0], { strategyId: row[1], role: row[2] });
      }
    }
  }

  private parentByTag(customTag: string | null): OrderId | undefined {
    if (customTag === null) return undefined;
    const match = /^(.*)-(SL|TP)$/.exec(customTag);
    return match?.[1] === undefined ? undefined : this.tags.get(match[1]);
  }

  private persist(day: string, orderId: OrderId, attribution: Attribution): void {
    if (this.store === undefined) return;
    let rows = this.days.get(day);
    if (rows === undefined) {
      const stored = this.store.setting(settingKey(day));
      rows = Array.isArray(stored) ? [...(stored as [OrderId, string, StrategyOrderRole][])] : [];
      this.days.set(day, rows);
    }
    rows.push([orderId, attribution.strategyId, attribution.role]);
    // The store batches writes into one transaction per turn, so a burst of orders costs one write.
    this.store.saveSetting(settingKey(day), rows);
  }
}
