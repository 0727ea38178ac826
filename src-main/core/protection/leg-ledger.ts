import type { AccountId, ContractId, EpochMs, OrderId } from '../../../src-shared/domain/ids';
import { isFinalStatus, type OrderView } from '../../../src-shared/domain/trading';
import type { LegRole } from './leg-tags';

/** How long a change the broker acknowledged may go unseen in its events before the book is trusted again. */
const expectMs = 5000;

interface Expected {
  readonly until: EpochMs;
  readonly size?: number;
  readonly stopTicks?: number;
  readonly limitTicks?: number | null;
  readonly cancelled?: boolean;
}

interface Sent {
  readonly until: EpochMs;
  readonly order: OrderView;
  readonly role: LegRole;
}

/**
 * What the protection engine has asked of the broker and not yet seen in its events: legs placed,
 * resized, moved or cancelled. Planning on the book alone would place a second stop while the
 * first one's event is still on its way.
 */
export class LegLedger {
  private readonly sent = new Map<OrderId, Sent>();
  private readonly expected = new Map<OrderId, Expected>();

  /** A leg the broker accepted. */
  public placed(order: OrderView, role: LegRole, now: EpochMs): void {
    this.sent.set(order.id, { order, role, until: now + expectMs });
  }

  /** A change the broker accepted on a working leg. */
  public changed(orderId: OrderId, change: Omit<Expected, 'until'>, now: EpochMs): void {
    this.expected.set(orderId, { ...this.expected.get(orderId), ...change, until: now + expectMs });
  }

  /**
   * The legs as they will be once the broker's events catch up: the book's orders with the
   * acknowledged changes over them, plus accepted legs the book has not seen yet.
   */
  public view(
    book: readonly OrderView[],
    known: (orderId: OrderId) => OrderView | undefined,
    accountId: AccountId,
    contractId: ContractId,
    now: EpochMs,
  ): { order: OrderView; role?: LegRole }[] {
    const result: { order: OrderView; role?: LegRole }[] = [];
    for (const order of book) {
      const expected = this.current(order, now);
      if (expected?.cancelled === true) continue;
      result.push({ order: expected === undefined ? order : { ...order, ...pick(expected) } });
    }
    for (const [orderId, sent] of this.sent) {
      const seen = known(orderId);
      if (seen !== undefined || now > sent.until) {
        this.sent.delete(orderId);
        continue;
      }
      if (sent.order.accountId === accountId && sent.order.contractId === contractId && this.current(sent.order, now)?.cancelled !== true)
        result.push({ order: sent.order, role: sent.role });
    }
    return result;
  }

  private current(order: OrderView, now: EpochMs): Expected | undefined {
    const expected = this.expected.get(order.id);
    if (expected === undefined) return undefined;
    const arrived =
      isFinalStatus(order.status) ||
      now > expected.until ||
      ((expected.size === undefined || expected.size === order.size) &&
        (expected.stopTicks === undefined || expected.stopTicks === order.stopTicks) &&
        expected.cancelled !== true);
    if (arrived) {
      this.expected.delete(order.id);
      return undefined;
    }
    return expected;
  }
}

function pick(expected: Expected): Partial<OrderView> {
  return {
    ...(expected.size === undefined ? {} : { size: expected.size }),
    ...(expected.stopTicks === undefined ? {} : { stopTicks: expected.stopTicks }),
    ...(expected.limitTicks === undefined ? {} : { limitTicks: expected.limitTicks }),
  };
}
