import type { Clock } from '../../../core/clock';
import type { BrokerEvent, BrokerSnapshot } from '../../../core/ports/broker-port';
import type { AccountId, ContractId, EpochMs, OrderId } from '../../../../src-shared/domain/ids';
import { isFinalStatus, type OrderView, type PositionView } from '../../../../src-shared/domain/trading';

interface AccountState {
  readonly working: Map<OrderId, OrderView>;
  readonly positions: Map<ContractId, PositionView>;
  /** Whether a whole REST truth was taken in since the start (before that, only a full read will do). */
  known: boolean;
  /** When the last order, position or fill event of the account arrived (adapter clock). */
  activityAt: EpochMs | null;
}

/**
 * Each account's working orders and open positions exactly as the adapter has told the core (every
 * emitted event, every snapshot handed out), and when the account last had stream activity. A
 * reconnect whose REST probe shows that nothing changed re-announces this picture instead of
 * reading it again.
 */
export class AnnouncedAccountLedger {
  private readonly accounts = new Map<AccountId, AccountState>();

  public constructor(private readonly clock: Clock) {}

  /** Takes in one event the adapter emits. */
  public observe(event: BrokerEvent): void {
    switch (event.kind) {
      case 'order': {
        const state = this.touched(event.order.accountId);
        if (isFinalStatus(event.order.status)) state.working.delete(event.order.id);
        else state.working.set(event.order.id, event.order);
        return;
      }
      case 'position': {
        const state = this.touched(event.position.accountId);
        if (event.position.size === 0) state.positions.delete(event.position.contractId);
        else state.positions.set(event.position.contractId, event.position);
        return;
      }
      case 'fill':
        this.touched(event.fill.accountId);
        return;
      case 'reconciled':
        this.adopt(event.snapshot);
        return;
      default:
        return;
    }
  }

  /** Replaces an account's picture with a REST truth. */
  public adopt(snapshot: BrokerSnapshot): void {
    const state = this.state(snapshot.accountId);
    state.working.clear();
    for (const order of snapshot.orders) if (!isFinalStatus(order.status)) state.working.set(order.id, order);
    state.positions.clear();
    for (const position of snapshot.positions) if (position.size !== 0) state.positions.set(position.contractId, position);
    state.known = true;
  }

  /** Whether the account's picture came from a REST truth kept up by the stream since. */
  public isKnown(accountId: AccountId): boolean {
    return this.accounts.get(accountId)?.known ?? false;
  }

  /** Whether the account had no order, position or fill event at or after `at`. */
  public quietSince(accountId: AccountId, at: EpochMs): boolean {
    const activityAt = this.accounts.get(accountId)?.activityAt ?? null;
    return activityAt === null || activityAt < at;
  }

  /** The working orders the core was last told of. */
  public working(accountId: AccountId): OrderView[] {
    return [...(this.accounts.get(accountId)?.working.values() ?? [])];
  }

  /** The open positions the core was last told of. */
  public positions(accountId: AccountId): PositionView[] {
    return [...(this.accounts.get(accountId)?.positions.values() ?? [])];
  }

  private touched(accountId: AccountId): AccountState {
    const state = this.state(accountId);
    state.activityAt = this.clock.now();
    return state;
  }

  private state(accountId: AccountId): AccountState {
    let state = this.accounts.get(accountId);
    if (state === undefined) {
      state = { working: new Map(), positions: new Map(), known: false, activityAt: null };
      this.accounts.set(accountId, state);
    }
    return state;
  }
}
