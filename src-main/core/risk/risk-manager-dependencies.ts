import type { Clock } from '../clock';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { OrderService } from '../orders/order-service';
import type { BrokerPort } from '../ports/broker-port';
import type { StorePort } from '../ports/store-port';
import type { TradingCore } from '../trading-core';
import type { RetryPolicy } from './enforcement/failure-policy';
import type { Scheduler } from '../scheduler';

/** What the risk manager is built from. */
export interface RiskManagerDependencies {
  readonly core: TradingCore;
  /** Enforcement flattens and cancels through it (priority lane). */
  readonly orders: OrderService;
  /** For partial closes, stop moves and quote subscriptions of positions opened elsewhere. */
  readonly broker: BrokerPort;
  /** Locks, timers, configuration and the audit log; without one, nothing survives a restart. */
  readonly store: StorePort | undefined;
  readonly clock: Clock;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly scheduler: Scheduler;
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** No quote for this long while a position is open is a frozen feed (default 30 s). */
  readonly frozenFeedMs?: number;
}
