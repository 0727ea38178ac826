import { describe, expect, it } from 'vitest';
import { TestClock } from './clock';
import { ConnectionMonitor } from './connection-monitor';
import { EventHub } from './event-hub';

describe('connection monitor', () => {
  it('starts halted with no broker and announces each change once', () => {
    const clock = new TestClock(10);
    const events = new EventHub();
    const heard: unknown[] = [];
    events.forward((channel, payload) => heard.push([channel, payload]));
    const monitor = new ConnectionMonitor(clock, events);

    const initial = monitor.current;
    clock.advance(5);
    monitor.update('connecting', 'halted', 'connecting to the broker');
    monitor.update('connecting', 'halted', 'connecting to the broker');

    expect(initial).toMatchObject({ broker: 'not-configured', trading: 'halted', since: 10 });
    expect(heard).toEqual([['connection.changed', { broker: 'connecting', trading: 'halted', reason: 'connecting to the broker', since: 15 }]]);
  });
});
