import type { EventChannel, EventPayload } from '../../src-shared/contract';
import { silentLogger, type Logger } from './logger';

/** A listener that hears every contract event; the hosts forward them to their clients. */
export type EventForwarder = (channel: EventChannel, payload: unknown) => void;

/** Publishes the contract's events to whoever forwards them (IPC, WebSocket, tests). */
export class EventHub {
  private readonly forwarders = new Set<EventForwarder>();

  public constructor(private readonly logger: Logger = silentLogger) {}

  /**
   * Publishes one event. A forwarder that throws is a bug in that forwarder: it is logged, and
   * neither stops the other forwarders nor the process (risk monitoring must go on).
   */
  public emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const forwarder of this.forwarders) {
      try {
        forwarder(channel, payload);
      } catch (error) {
        this.logger.error({ channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 'an event forwarder threw');
      }
    }
  }

  /** Adds a forwarder; returns the function that removes it. */
  public forward(forwarder: EventForwarder): () => void {
    this.forwarders.add(forwarder);
    return () => this.forwarders.delete(forwarder);
  }
}
