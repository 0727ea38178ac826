/** One hub subscription: the Subscribe/Unsubscribe pair and its arguments. */
export interface HubSubscription {
  readonly subscribe: string;
  readonly unsubscribe: string;
  readonly args: readonly (string | number)[];
}

/** The identity of a subscription: method and arguments. */
export function subscriptionKey(subscription: HubSubscription): string {
  return `${subscription.subscribe}(${subscription.args.map((arg) => JSON.stringify(arg)).join(',')})`;
}

/**
 * The subscriptions a hub must hold, in the order they were asked for, each once. The server keeps
 * none across a reconnect, so the whole list is replayed on every (re)connect.
 */
export class SubscriptionList {
  private readonly entries = new Map<string, HubSubscription>();

  /** Adds a subscription; false when it was already there. */
  public add(subscription: HubSubscription): boolean {
    const key = subscriptionKey(subscription);
    if (this.entries.has(key)) return false;
    this.entries.set(key, subscription);
    return true;
  }

  /** Removes a subscription; false when it was not there. */
  public remove(subscription: HubSubscription): boolean {
    return this.entries.delete(subscriptionKey(subscription));
  }

  /** Whether a subscription is in the list. */
  public has(subscription: HubSubscription): boolean {
    return this.entries.has(subscriptionKey(subscription));
  }

  /** The subscriptions in the order they were added. */
  public all(): HubSubscription[] {
    return [...this.entries.values()];
  }

  /** Number of subscriptions. */
  public get size(): number {
    return this.entries.size;
  }
}
