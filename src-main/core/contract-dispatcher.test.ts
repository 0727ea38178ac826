import { describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/result';
import { TestClock } from './clock';
import { ConnectionMonitor } from './connection-monitor';
import { assertEveryChannelHandled, createDispatcher, type ContractHandlers } from './contract-dispatcher';
import { EventHub } from './event-hub';
import { silentLogger } from './logger';
import { createTerminalHandlers } from './terminal-service';

function buildHandlers(): ContractHandlers {
  const clock = new TestClock(1_000);
  return createTerminalHandlers({
    clock,
    connection: new ConnectionMonitor(clock, new EventHub()),
    info: { name: 'Terminal', version: '1.0.0', host: 'headless', pid: 1, startedAt: 0, dataDir: '/tmp/x' },
    trading: undefined,
  });
}

describe('contract dispatcher', () => {
  it('runs a valid call through its handler', async () => {
    const dispatcher = createDispatcher(buildHandlers(), silentLogger);

    const result = await dispatcher.dispatch('app.ping', { nonce: 'n1' });

    expect(result).toEqual({ ok: true, value: { nonce: 'n1', time: 1_000 } });
  });

  it('answers an unknown channel with a typed error naming it', async () => {
    const dispatcher = createDispatcher(buildHandlers(), silentLogger);

    const result = await dispatcher.dispatch('orders.explode', {});

    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: "unknown channel 'orders.explode'", field: 'channel' } });
  });

  it('names the field and the reason when a request fails its schema', async () => {
    const dispatcher = createDispatcher(buildHandlers(), silentLogger);

    const wrongType = await dispatcher.dispatch('app.ping', { nonce: 42 });
    const unknownField = await dispatcher.dispatch('app.info', { verbose: true });
    const notAnObject = await dispatcher.dispatch('app.ping', 'hello');

    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'nonce' } });
    expect(wrongType.ok ? '' : wrongType.error.message).toMatch(/nonce.*expected string/);
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'verbose' } });
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'request' } });
  });

  it('turns a handler that throws into an internal error instead of crashing', async () => {
    const errors: string[] = [];
    const handlers: ContractHandlers = {
      ...buildHandlers(),
      'app.info': () => {
        throw new Error('disk on fire');
      },
    };
    const dispatcher = createDispatcher(handlers, { ...silentLogger, error: (_fields, message) => errors.push(message) });

    const result = await dispatcher.dispatch('app.info', {});

    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'app.info failed: disk on fire' } });
    expect(errors).toEqual(['contract handler threw']);
  });

  it('refuses to start when a contract channel has no handler', () => {
    const { 'connection.get': _missing, ...partial } = buildHandlers();

    expect(() => assertEveryChannelHandled(partial)).toThrow('contract channels without a handler: connection.get');
    expect(() => createDispatcher(partial as ContractHandlers, silentLogger)).toThrow(/connection.get/);
  });

  it('accepts a missing request for a channel without fields', async () => {
    const dispatcher = createDispatcher(
      { ...buildHandlers(), 'app.info': () => ok({ name: 'n', version: 'v', host: 'desktop', pid: 2, startedAt: 0, dataDir: 'd' }) },
      silentLogger,
    );

    const result = await dispatcher.dispatch('app.info', undefined);

    expect(result.ok).toBe(true);
  });
});
