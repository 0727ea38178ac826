import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractClient } from './contract-client';

function sentMessages(send: ReturnType<typeof vi.fn>): unknown[] {
  return send.mock.calls.map((call) => JSON.parse(String(call[0])));
}

describe('ContractClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves a call with the result that carries its id', async () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });
    const send = vi.fn();
    client.attach(send);

    const pending = client.invoke('app.ping', { nonce: 'a' });
    const [message] = sentMessages(send) as [{ id: number; channel: string }];
    client.receive(JSON.stringify({ t: 'result', id: message.id + 1, result: { ok: true, value: 'other' } }));
    client.receive(JSON.stringify({ t: 'result', id: message.id, result: { ok: true, value: { nonce: 'a', time: 5 } } }));

    expect(message.channel).toBe('app.ping');
    await expect(pending).resolves.toEqual({ ok: true, value: { nonce: 'a', time: 5 } });
  });

  it('fails a call at once with not-connected while no transport is attached', async () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });

    const result = await client.invoke('app.info', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'not-connected' } });
  });

  it('fails calls in flight with not-connected when the transport goes away', async () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });
    client.attach(vi.fn());

    const pending = client.invoke('app.info', {});
    client.detach('link lost');

    await expect(pending).resolves.toEqual({ ok: false, error: { code: 'not-connected', message: 'link lost' } });
  });

  it('fails a call with timeout when no answer comes in time', async () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });
    client.attach(vi.fn());

    const pending = client.invoke('app.info', {});
    vi.advanceTimersByTime(1001);

    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('subscribes a channel on its first listener, again on every new transport, and unsubscribes after the last', () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });
    const first = vi.fn();
    client.attach(first);
    const heard: unknown[] = [];

    const stopOne = client.on('connection.changed', (payload) => heard.push(payload));
    const stopTwo = client.on('connection.changed', () => undefined);
    client.receive(JSON.stringify({ t: 'event', channel: 'connection.changed', payload: { broker: 'live' } }));
    client.detach('gone');
    const second = vi.fn();
    client.attach(second);
    stopOne();
    stopTwo();

    expect(sentMessages(first)).toEqual([{ t: 'sub', channels: ['connection.changed'] }]);
    expect(sentMessages(second)).toEqual([
      { t: 'sub', channels: ['connection.changed'] },
      { t: 'unsub', channels: ['connection.changed'] },
    ]);
    expect(heard).toEqual([{ broker: 'live' }]);
  });

  it('ignores malformed host messages', () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });
    client.attach(vi.fn());

    expect(() => {
      client.receive('not json');
      client.receive('null');
      client.receive(JSON.stringify({ t: 'result', id: 1, result: { ok: false, error: { code: 'made-up', message: 'x' } } }));
    }).not.toThrow();
  });

  it('refuses to listen to a channel that is not in the contract', () => {
    const client = new ContractClient({ callTimeoutMs: 1000 });

    expect(() => client.on('nope.changed' as 'connection.changed', () => undefined)).toThrow(/unknown event channel/);
  });
});
