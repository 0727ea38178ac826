import { describe, expect, it } from 'vitest';
import { SubscriptionList } from './subscription-list';

const orders = (accountId: number) => ({ subscribe: 'SubscribeOrders', unsubscribe: 'UnsubscribeOrders', args: [accountId] });

describe('subscription list', () => {
  it('keeps subscriptions once each, in the order they were asked for', () => {
    const list = new SubscriptionList();

    list.add(orders(1));
    list.add({ subscribe: 'SubscribeAccounts', unsubscribe: 'UnsubscribeAccounts', args: [] });
    const again = list.add(orders(1));
    list.add(orders(2));

    expect(again).toBe(false);
    expect(list.all().map((entry) => `${entry.subscribe}${JSON.stringify(entry.args)}`)).toEqual([
      'SubscribeOrders[1]',
      'SubscribeAccounts[]',
      'SubscribeOrders[2]',
    ]);
  });

  it('tells a number argument from a string one and forgets removed entries', () => {
    const list = new SubscriptionList();
    list.add(orders(1));

    expect(list.has({ ...orders(1), args: ['1'] })).toBe(false);
    expect(list.remove(orders(1))).toBe(true);
    expect(list.size).toBe(0);
  });
});
