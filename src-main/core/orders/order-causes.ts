import type { AccountId, ContractId, EpochMs, OrderId } from '../../../src-shared/domain/ids';
import type { OrderCause } from '../../../src-shared/domain/order-cause';
import type { FillView, OrderView } from '../../../src-shared/domain/trading';
import { legCause, roleOfOrder } from '../protection/leg-tags';

function tagKey(accountId: AccountId, tag: string): string {
  return `${accountId}|${tag}`;
}

function contractKey(accountId: AccountId, contractId: ContractId): string {
  return `${accountId}|${contractId}`;
}

/**
 * Who caused each order and fill: registered by client tag before an order is sent, bound to the
 * broker's id when it answers, and read from a leg's own tag after a restart. A close at market
 * (the broker makes that order itself) is claimed by the flatten that asked for it. Anything else
 * came from another app.
 */
export class OrderCauses {
  private readonly byTag = new Map<string, OrderCause>();
  private readonly byId = new Map<OrderId, OrderCause>();
  private readonly closes = new Map<string, { readonly cause: OrderCause; readonly until: EpochMs }>();

  /** Records the cause of an order about to be sent with `tag`. */
  public register(accountId: AccountId, tag: string, cause: OrderCause): void {
    this.byTag.set(tagKey(accountId, tag), cause);
  }

  /** Binds a cause to the broker's order id (after the place answered, or a stop moved by break-even or the trail). */
  public bind(orderId: OrderId, cause: OrderCause): void {
    this.byId.set(orderId, cause);
  }

  /** A flatten, reverse or reduce is closing a contract: its close fills are `cause`'s until `until`. */
  public closing(accountId: AccountId, contractId: ContractId, cause: OrderCause, until: EpochMs): void {
    this.closes.set(contractKey(accountId, contractId), { cause, until });
  }

  /** The contract went flat or reversed: the close is done. */
  public closed(accountId: AccountId, contractId: ContractId): void {
    this.closes.delete(contractKey(accountId, contractId));
  }

  /** The cause of a close in progress on a contract, if one is. */
  public closingCause(accountId: AccountId, contractId: ContractId, now: EpochMs): OrderCause | undefined {
    const close = this.closes.get(contractKey(accountId, contractId));
    if (close === undefined) return undefined;
    if (now > close.until) {
      this.closes.delete(contractKey(accountId, contractId));
      return undefined;
    }
    return close.cause;
  }

  /** The cause of an order the broker reported (`parent`: its entry, for a native bracket child). */
  public ofOrder(order: OrderView, now: EpochMs, parent?: OrderView): OrderCause {
    const known = this.byId.get(order.id) ?? (order.customTag === null ? undefined : this.byTag.get(tagKey(order.accountId, order.customTag)));
    if (known !== undefined) {
      this.byId.set(order.id, known);
      return known;
    }
    // A leg by its own tag, or a native bracket child of an entry the terminal placed.
    const role = roleOfOrder(order, () => parent?.customTag?.startsWith('tt-') === true);
    if (role !== undefined) {
      const cause = order.cause ?? legCause(role);
      this.byId.set(order.id, cause);
      return cause;
    }
    if (order.cause !== undefined) return order.cause;
    const close = order.type === 'market' ? this.closingCause(order.accountId, order.contractId, now) : undefined;
    const cause = close ?? 'other-app';
    this.byId.set(order.id, cause);
    return cause;
  }

  /** The cause of a fill: its order's. */
  public ofFill(fill: FillView, order: OrderView | undefined, now: EpochMs): OrderCause {
    if (fill.cause !== undefined) return fill.cause;
    const known = this.byId.get(fill.orderId);
    if (known !== undefined) return known;
    if (order !== undefined) return this.ofOrder(order, now);
    return this.closingCause(fill.accountId, fill.contractId, now) ?? 'other-app';
  }
}
