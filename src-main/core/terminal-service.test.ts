import { describe, expect, it } from 'vitest';
import { callChannels } from '../../src-shared/contract';
import { TestClock } from './clock';
import { ConnectionMonitor } from './connection-monitor';
import type { ContractHandlers } from './contract-dispatcher';
import { EventHub } from './event-hub';
import { createTerminalHandlers } from './terminal-service';

function handlers(): ContractHandlers {
  const clock = new TestClock(0);
  const info = { name: 'test', version: '0', host: 'headless' as const, pid: 1, startedAt: 0, dataDir: '/tmp' };
  return createTerminalHandlers({ clock, info, connection: new ConnectionMonitor(clock, new EventHub()), trading: undefined });
}

describe('the one handler map', () => {
  it('has a handler for every channel of the contract, even with no broker', async () => {
    const map = handlers();

    expect(callChannels.filter((channel) => typeof map[channel] !== 'function')).toEqual([]);
    await expect(Promise.resolve(map['orders.place']({ symbol: 'ES', side: 'buy', size: 1, type: 'market' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-connected' },
    });
  });

  it('does not type-check without a handler for some channel', () => {
    const { 'app.ping': omitted, ...rest } = handlers();
    // @ts-expect-error a map missing one channel's handler is not a ContractHandlers (tsc fails if this ever compiles)
    const incomplete: ContractHandlers = rest;

    expect(typeof omitted).toBe('function');
    expect(Object.keys(incomplete)).not.toContain('app.ping');
  });
});
