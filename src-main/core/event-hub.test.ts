import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub';
import type { Logger } from './logger';

describe('event hub', () => {
  it('logs a forwarder that throws and still reaches the others, without an uncaught error', async () => {
    const logged: string[] = [];
    const logger: Logger = { info: () => undefined, warn: () => undefined, error: (fields, message) => logged.push(`${message} ${JSON.stringify(fields)}`) };
    const hub = new EventHub(logger);
    const heard: string[] = [];
    hub.forward(() => {
      throw new Error('broken forwarder');
    });
    hub.forward((channel) => heard.push(channel));
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);

    hub.emit('brackets.changed', { at: 1 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('uncaughtException', listener);

    expect(heard).toEqual(['brackets.changed']);
    expect(uncaught).toEqual([]);
    expect(logged.join('\n')).toContain('broken forwarder');
  });
});
