import type { EventChannel, EventPayload } from '../../../src-shared/contract';
import type { BrokerLinkStatus, ConnectionState } from '../../../src-shared/domain/connection';
import type { NotificationKind } from '../../../src-shared/domain/host-settings';
import { formatPrice } from '../../../src-shared/domain/money';
import { causeLabel } from '../../../src-shared/domain/order-cause';
import type { RiskStateView } from '../../../src-shared/domain/risk';
import type { ContractView, FillView, OrderView } from '../../../src-shared/domain/trading';

/** One native notification to show. */
export interface Notice {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  /** Critical notices stay on screen until dismissed where the OS allows it. */
  readonly urgency: 'normal' | 'critical';
}

/** Order ids already announced as rejected, kept to this many. */
const rememberedRejections = 500;

/**
 * Turns the contract's events into native notifications: fills, rejections, risk breaches and
 * enforcement results, and the broker connection's loss and recovery. Remembers what it needs to
 * announce a change once (a rejection, a loss, an enforcement that finished).
 */
export class NoticeRules {
  private link: BrokerLinkStatus;
  private wasLive: boolean;
  private readonly rejected = new Set<number>();
  private readonly enforcing = new Map<number, number>();

  public constructor(
    connection: ConnectionState,
    private readonly contractOf: (contractId: string) => ContractView | undefined,
  ) {
    this.link = connection.broker;
    this.wasLive = connection.broker === 'live';
  }

  /** The notice for one event (as the event hub forwards it), if it deserves one. */
  public noticeFor(channel: EventChannel, payload: unknown): Notice | undefined {
    switch (channel) {
      case 'fills.added':
        return this.fill(payload as FillView);
      case 'orders.changed':
        return this.order(payload as OrderView);
      case 'notifications.added':
        return alert(payload as EventPayload<'notifications.added'>);
      case 'risk.state':
        return this.enforcement(payload as RiskStateView);
      case 'connection.changed':
        return this.connection(payload as ConnectionState);
      default:
        return undefined;
    }
  }

  private fill(fill: FillView): Notice | undefined {
    if (fill.voided) return undefined;
    const contract = this.contractOf(fill.contractId);
    const price = contract === undefined ? `${fill.priceTicks} ticks` : formatPrice(fill.priceTicks, contract.tickSize);
    const verb = fill.side === 'buy' ? 'Bought' : 'Sold';
    return {
      kind: 'fills',
      title: `Fill · ${causeLabel(fill.cause)}`,
      body: `${verb} ${fill.size} ${contract?.name ?? fill.contractId} @ ${price}`,
      urgency: 'normal',
    };
  }

  private order(order: OrderView): Notice | undefined {
    if (order.status !== 'rejected' || this.rejected.has(order.id)) return undefined;
    this.rejected.add(order.id);
    if (this.rejected.size > rememberedRejections)
      for (const id of [...this.rejected].slice(0, this.rejected.size - rememberedRejections)) this.rejected.delete(id);
    const contract = this.contractOf(order.contractId);
    return {
      kind: 'rejections',
      title: 'Order rejected',
      body: `${order.side === 'buy' ? 'Buy' : 'Sell'} ${order.size} ${contract?.name ?? order.contractId} ${order.type} (order ${order.id})`,
      urgency: 'critical',
    };
  }

  /** An enforcement is announced when it finishes; a failure is announced by the risk manager's own alarm. */
  private enforcement(view: RiskStateView): Notice | undefined {
    const before = this.enforcing.get(view.accountId) ?? 0;
    this.enforcing.set(view.accountId, view.enforcement.inFlight);
    if (before === 0 || view.enforcement.inFlight > 0 || view.enforcement.failure !== null) return undefined;
    const actions = view.breaches[0]?.actions.join(', ') ?? '';
    return {
      kind: 'enforcement',
      title: 'Risk enforcement done',
      body: `${view.accountName ?? `Account ${view.accountId}`}${actions === '' ? '' : `: ${actions}`}`,
      urgency: 'normal',
    };
  }

  private connection(state: ConnectionState): Notice | undefined {
    const before = this.link;
    this.link = state.broker;
    const lost = (status: BrokerLinkStatus) => status === 'down' || status === 'reconnecting';
    if (before === 'live' && lost(state.broker))
      return {
        kind: 'connection',
        title: 'Broker connection lost',
        body: `${state.reason}. Order entry is halted until the terminal reconciles.`,
        urgency: 'critical',
      };
    if (state.broker === 'live' && before !== 'live' && this.wasLive)
      return { kind: 'connection', title: 'Broker connection restored', body: state.reason, urgency: 'normal' };
    if (state.broker === 'live') this.wasLive = true;
    return undefined;
  }
}

/** A notification the core published (the risk manager's breaches and alarms, and others). */
function alert(payload: EventPayload<'notifications.added'>): Notice {
  // The risk manager titles its alarms `Risk enforcement failed`, its breaches `Risk RULE-nnn`.
  const kind: NotificationKind = payload.title.startsWith('Risk enforcement') ? 'enforcement' : payload.title.startsWith('Risk') ? 'risk' : 'other';
  return { kind, title: payload.title, body: payload.message, urgency: payload.level === 'error' ? 'critical' : 'normal' };
}
