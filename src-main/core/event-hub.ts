import type { EventChannel, EventPayload } from '../../src-shared/contract';

/** A listener that hears every contract event; the hosts forward them to their clients. */
export type EventForwarder = (channel: EventChannel, payload: unknown) => void;

/** Publishes the contract's events to whoever forwards them (IPC, WebSocket, tests). */
export class EventHub {
  private readonly forwarders = new Set<EventForwarder>();

  /** Publishes one event. A forwarder that throws is a bug in that forwarder and does not stop the others. */
  public emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const forwarder of this.forwarders) {
      try {
        forwarder(channel, payload);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Adds a forwarder; returns the function that removes it. */
  public forward(forwarder: EventForwarder): () => void {
    this.forwarders.add(forwarder);
    return () => this.forwarders.delete(forwarder);
  }
}
