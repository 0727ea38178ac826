import type { BrokerLinkStatus, ConnectionState, TradingStatus } from '../../src-shared/domain/connection';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';

/** Holds the broker link and trading state, and announces every change. */
export class ConnectionMonitor {
  private state: ConnectionState;

  public constructor(
    private readonly clock: Clock,
    private readonly events: EventHub,
  ) {
    this.state = {
      broker: 'not-configured',
      trading: 'halted',
      reason: 'no broker is configured',
      since: clock.now(),
    };
  }

  /** The current state. */
  public get current(): ConnectionState {
    return this.state;
  }

  /** Records a new state; an identical one is not announced again. */
  public update(broker: BrokerLinkStatus, trading: TradingStatus, reason: string): void {
    const previous = this.state;
    if (previous.broker === broker && previous.trading === trading && previous.reason === reason) return;
    this.state = { broker, trading, reason, since: this.clock.now() };
    this.events.emit('connection.changed', this.state);
  }
}
