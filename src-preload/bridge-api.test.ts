import { describe, expect, it, vi } from 'vitest';
import { ipcEventChannel, ipcInvokeChannel } from '../src-shared/wire';
import { createBridgeApi, type IpcRendererLike } from './bridge-api';

function fakeIpc() {
  const listeners = new Set<(event: unknown, ...args: unknown[]) => void>();
  const ipc: IpcRendererLike & { emit(...args: unknown[]): void; listenerCount(): number } = {
    invoke: vi.fn(async () => ({ ok: true, value: 'answer' })),
    on: (_channel, listener) => listeners.add(listener),
    removeListener: (_channel, listener) => listeners.delete(listener),
    emit: (...args) => listeners.forEach((listener) => listener({}, ...args)),
    listenerCount: () => listeners.size,
  };
  return ipc;
}

describe('preload bridge', () => {
  it('forwards contract calls over the one invoke channel', async () => {
    const ipc = fakeIpc();
    const api = createBridgeApi(ipc);

    const result = await api.invoke('app.ping', { nonce: 'x' });

    expect(ipc.invoke).toHaveBeenCalledWith(ipcInvokeChannel, 'app.ping', { nonce: 'x' });
    expect(result).toEqual({ ok: true, value: 'answer' });
  });

  it('refuses channels that are not in the contract without touching IPC', async () => {
    const ipc = fakeIpc();
    const api = createBridgeApi(ipc);

    const result = await api.invoke('shell.openExternal' as 'app.info', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
    expect(() => api.on('ipc.raw' as 'connection.changed', () => undefined)).toThrow(/unknown event channel/);
  });

  it('delivers only the events of the channel listened to, until stopped', () => {
    const ipc = fakeIpc();
    const api = createBridgeApi(ipc);
    const heard: unknown[] = [];

    const stop = api.on('connection.changed', (payload) => heard.push(payload));
    ipc.emit('connection.changed', { broker: 'live' });
    ipc.emit('other.changed', { x: 1 });
    stop();
    ipc.emit('connection.changed', { broker: 'down' });

    expect(heard).toEqual([{ broker: 'live' }]);
    expect(ipc.listenerCount()).toBe(0);
    expect(ipcEventChannel).toBe('contract:event');
  });
});
