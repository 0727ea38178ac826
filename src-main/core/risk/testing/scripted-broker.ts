import type { AccountId, ContractId, OrderId } from '../../../../src-shared/domain/ids';
import { isFinalStatus, type FillView, type OrderView, type PositionView } from '../../../../src-shared/domain/trading';
import { ok, type Result } from '../../../../src-shared/result';
import type { BrokerModifyRequest, BrokerSnapshot, CallLane } from '../../ports/broker-port';
import { FakeBroker } from '../../testing/fake-broker';

function positionKey(accountId: AccountId, contractId: ContractId): string {
  return `${accountId}|${contractId}`;
}

/**
 * A FakeBroker that keeps the broker's truth (positions, orders, fills) and answers like a broker:
 * a successful close or cancel is followed by the matching event, scripted failures come first,
 * and `snapshot` (the REST read) returns the truth plus orders only REST shows (another app's).
 */
export class ScriptedBroker extends FakeBroker {
  /** Answers for the next closes, in order (then ok). */
  public readonly closeAnswers: Result<void>[] = [];
  /** Answers for the next cancels, in order (then ok). */
  public readonly cancelAnswers: Result<void>[] = [];
  /** When false, successful calls change the truth but send no events (only REST shows them). */
  public confirms = true;
  public readonly positionTruth = new Map<string, PositionView>();
  public readonly orderTruth = new Map<OrderId, OrderView>();
  public readonly restOnlyOrders: OrderView[] = [];
  private readonly fillTruth: FillView[] = [];

  /** The broker reports a position (size 0: flat). */
  public position(position: PositionView): void {
    if (position.size === 0) this.positionTruth.delete(positionKey(position.accountId, position.contractId));
    else this.positionTruth.set(positionKey(position.accountId, position.contractId), position);
    this.emit({ kind: 'position', position });
  }

  /** The broker reports an order. */
  public order(order: OrderView): void {
    this.orderTruth.set(order.id, order);
    this.emit({ kind: 'order', order });
  }

  /** The broker reports a fill. */
  public fill(fill: FillView): void {
    this.fillTruth.push(fill);
    this.emit({ kind: 'fill', fill });
  }

  public override async closePosition(accountId: AccountId, contractId: ContractId, size: number | undefined, lane: CallLane): Promise<Result<void>> {
    await super.closePosition(accountId, contractId, size, lane);
    const answer = this.closeAnswers.shift() ?? ok(undefined);
    if (!answer.ok) return answer;
    const known = this.positionTruth.get(positionKey(accountId, contractId));
    if (known !== undefined) {
      const remaining = size === undefined ? 0 : Math.sign(known.size) * Math.max(0, Math.abs(known.size) - size);
      this.later({ ...known, size: remaining }, (position) => this.position(position));
    }
    return answer;
  }

  public override async cancelOrder(accountId: AccountId, orderId: OrderId, lane: CallLane): Promise<Result<void>> {
    await super.cancelOrder(accountId, orderId, lane);
    const answer = this.cancelAnswers.shift() ?? ok(undefined);
    if (!answer.ok) return answer;
    const known = this.orderTruth.get(orderId);
    if (known !== undefined && !isFinalStatus(known.status))
      this.later({ ...known, status: 'cancelled' as const, updatedAt: known.updatedAt + 1 }, (order) => this.order(order));
    return answer;
  }

  public override async modifyOrder(request: BrokerModifyRequest, lane: CallLane): Promise<Result<void>> {
    await super.modifyOrder(request, lane);
    const known = this.orderTruth.get(request.orderId);
    if (known !== undefined) {
      const changed: OrderView = {
        ...known,
        size: request.size ?? known.size,
        stopTicks: request.stopTicks ?? known.stopTicks,
        limitTicks: request.limitTicks ?? known.limitTicks,
        updatedAt: known.updatedAt + 1,
      };
      this.later(changed, (order) => this.order(order));
    }
    return ok(undefined);
  }

  public override async snapshot(accountId: AccountId): Promise<Result<BrokerSnapshot>> {
    const orders = [...this.orderTruth.values(), ...this.restOnlyOrders].filter((order) => order.accountId === accountId && !isFinalStatus(order.status));
    const positions = [...this.positionTruth.values()].filter((position) => position.accountId === accountId);
    return ok({ accountId, orders, positions, fills: this.fillTruth.filter((fill) => fill.accountId === accountId), at: this.snapshotReadAt });
  }

  /** Applies a change to the truth now and announces it on a later turn, as a hub would. */
  private later<T extends PositionView | OrderView>(value: T, announce: (value: T) => void): void {
    if ('status' in value) this.orderTruth.set(value.id, value);
    else if (value.size === 0) this.positionTruth.delete(positionKey(value.accountId, value.contractId));
    else this.positionTruth.set(positionKey(value.accountId, value.contractId), value);
    if (this.confirms) queueMicrotask(() => announce(value));
  }
}
