import type { HubEvents } from '../hubs/hub-link';
import type { HubSubscription } from '../hubs/subscription-list';

/** A hub link without a socket: tests fire server events by hand and read what was subscribed. Test helper only. */
export class FakeHub implements HubEvents {
  public readonly subscribed: HubSubscription[] = [];
  public readonly removed: HubSubscription[] = [];
  private readonly handlers = new Map<string, (...args: unknown[]) => void>();

  public on(target: string, handler: (...args: unknown[]) => void): void {
    this.handlers.set(target, handler);
  }

  public add(subscription: HubSubscription): Promise<void> {
    this.subscribed.push(subscription);
    return Promise.resolve();
  }

  public remove(subscription: HubSubscription): Promise<void> {
    this.removed.push(subscription);
    return Promise.resolve();
  }

  /** Delivers a server event as SignalR would (the handler must not throw). */
  public fire(target: string, ...args: unknown[]): void {
    const handler = this.handlers.get(target);
    if (handler === undefined) throw new Error(`no handler for ${target}`);
    handler(...args);
  }
}
