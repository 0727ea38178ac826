import type { Logger } from '../../../core/logger';
import type { BrokerEvent } from '../../../core/ports/broker-port';
import type { AccountId } from '../../../../src-shared/domain/ids';
import type { FillView } from '../../../../src-shared/domain/trading';
import { accountView, parseAccountUpdate, type AccountRecord } from '../parse/account';
import { parseFill } from '../parse/fill';
import { mergeRecord } from '../parse/merge';
import { isCompleteOrder, parseOrderUpdate } from '../parse/order';
import { parsePosition } from '../parse/position';
import { userEventEntities } from '../parse/user-envelope';
import type { BrokerReads } from '../rest/broker-reads';
import type { OrderCache } from '../state/order-cache';
import type { WirePositionCache } from '../state/wire-position-cache';
import type { ViewConverter } from '../state/view-converter';
import { SerialQueue } from '../support/serial-queue';
import type { ThrottledWarn } from '../support/throttled-warn';
import type { HubEvents } from './hub-link';
import type { HubSubscription } from './subscription-list';

/** What the user stream works with. */
export interface UserStreamParts {
  readonly link: HubEvents;
  readonly reads: BrokerReads;
  readonly converter: ViewConverter;
  readonly orders: OrderCache;
  readonly positions: WirePositionCache;
  readonly emit: (event: BrokerEvent) => void;
  readonly onFill: (fill: FillView) => void;
  readonly warn: ThrottledWarn;
  readonly logger: Logger;
}

/** The subscriptions of one account on the user hub. */
export function accountSubscriptions(accountId: AccountId): HubSubscription[] {
  return [
    { subscribe: 'SubscribeOrders', unsubscribe: 'UnsubscribeOrders', args: [accountId] },
    { subscribe: 'SubscribePositions', unsubscribe: 'UnsubscribePositions', args: [accountId] },
    { subscribe: 'SubscribeTrades', unsubscribe: 'UnsubscribeTrades', args: [accountId] },
  ];
}

/** `SubscribeAccounts` (no argument). */
export const accountsSubscription: HubSubscription = { subscribe: 'SubscribeAccounts', unsubscribe: 'UnsubscribeAccounts', args: [] };

/**
 * The user hub's events as domain events, in arrival order: wrappers and arrays unwrapped,
 * partial orders merged into the cached order (read over REST when the cache lacks it), size-0
 * positions as flat, fills with cents. A malformed payload is logged and skipped.
 */
export class UserStream {
  private readonly queue: SerialQueue;
  private readonly accounts = new Map<AccountId, AccountRecord>();

  public constructor(private readonly parts: UserStreamParts) {
    this.queue = new SerialQueue(parts.logger, 'user-hub');
  }

  /** Registers the handlers on the hub. */
  public register(): void {
    const { link } = this.parts;
    link.on('GatewayUserAccount', (...args) => this.accept('GatewayUserAccount', args, (entity) => this.account(entity)));
    link.on('GatewayUserOrder', (...args) => this.accept('GatewayUserOrder', args, (entity) => this.order(entity)));
    link.on('GatewayUserPosition', (...args) => this.accept('GatewayUserPosition', args, (entity) => this.position(entity)));
    link.on('GatewayUserTrade', (...args) => this.accept('GatewayUserTrade', args, (entity) => this.trade(entity)));
  }

  /** Resolves when every event received so far has been handled (tests). */
  public drained(): Promise<void> {
    return this.queue.drained();
  }

  private accept(event: string, args: unknown[], handle: (entity: unknown) => Promise<string | undefined>): void {
    for (const entity of userEventEntities(args)) {
      this.queue.push(async () => {
        const problem = await handle(entity);
        if (problem !== undefined) this.parts.warn.warn(event, { reason: problem }, 'skipped a user-hub payload');
      });
    }
  }

  private account(entity: unknown): Promise<string | undefined> {
    const update = parseAccountUpdate(entity);
    if (!update.ok) return Promise.resolve(update.reason);
    const record = mergeRecord(this.accounts.get(update.value.id), update.value);
    const view = accountView(record);
    if (!view.ok) return Promise.resolve(view.reason);
    this.accounts.set(record.id, record);
    this.parts.emit({ kind: 'account', account: view.value });
    return Promise.resolve(undefined);
  }

  private async order(entity: unknown): Promise<string | undefined> {
    const update = parseOrderUpdate(entity);
    if (!update.ok) return update.reason;
    let record = this.parts.orders.merged(update.value);
    if (!isCompleteOrder(record)) {
      // A partial update for an order this process never saw whole: read it, then apply the update on top.
      if (record.accountId === undefined) return `partial order ${record.id} without an accountId`;
      const read = await this.parts.reads.orderById(record.accountId, record.id, 'normal');
      if (!read.ok) return `partial order ${record.id} could not be completed: ${read.error.message}`;
      record = mergeRecord(read.value, update.value);
    }
    const view = await this.parts.converter.order(record);
    if (view === undefined) return `order ${record.id} did not convert`;
    this.parts.orders.store(record);
    this.parts.emit({ kind: 'order', order: view });
    return undefined;
  }

  private async position(entity: unknown): Promise<string | undefined> {
    const record = parsePosition(entity);
    if (!record.ok) return record.reason;
    const view = await this.parts.converter.position(record.value);
    if (view === undefined) return `position ${record.value.id} did not convert`;
    this.parts.positions.apply(view);
    this.parts.emit({ kind: 'position', position: view });
    return undefined;
  }

  private async trade(entity: unknown): Promise<string | undefined> {
    const record = parseFill(entity);
    if (!record.ok) return record.reason;
    const view = await this.parts.converter.fill(record.value);
    if (view === undefined) return `fill ${record.value.id} did not convert`;
    this.parts.onFill(view);
    this.parts.emit({ kind: 'fill', fill: view });
    return undefined;
  }
}
