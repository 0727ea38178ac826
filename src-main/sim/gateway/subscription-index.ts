import type { HubConnection } from './hub-connection';

/** Which connections subscribed to which key (`orders:123`, `quotes:CON.F.US.EP.Z25`), both ways. */
export class SubscriptionIndex {
  private readonly byKey = new Map<string, Set<HubConnection>>();

  /** Subscribes; a second subscription to the same key changes nothing. */
  public add(connection: HubConnection, key: string): void {
    let connections = this.byKey.get(key);
    if (connections === undefined) {
      connections = new Set();
      this.byKey.set(key, connections);
    }
    connections.add(connection);
    connection.subscriptions.add(key);
  }

  /** Unsubscribes; unknown keys are ignored. */
  public remove(connection: HubConnection, key: string): void {
    connection.subscriptions.delete(key);
    const connections = this.byKey.get(key);
    if (connections === undefined) return;
    connections.delete(connection);
    if (connections.size === 0) this.byKey.delete(key);
  }

  /** Forgets every subscription of a connection that ended. */
  public removeAll(connection: HubConnection): void {
    for (const key of [...connection.subscriptions]) this.remove(connection, key);
  }

  /** Whether anyone listens to the key (lets callers skip serialising an event nobody gets). */
  public has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Sends one framed record to every subscriber of the key. */
  public broadcast(key: string, record: string): void {
    const connections = this.byKey.get(key);
    if (connections === undefined) return;
    for (const connection of connections) connection.send(record);
  }
}
