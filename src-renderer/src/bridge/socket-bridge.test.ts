import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SocketBridge } from './socket-bridge';

/** A WebSocket stand-in the test opens and closes by hand. */
class FakeSocket extends EventTarget {
  public static opened: FakeSocket[] = [];
  public readonly sent: string[] = [];

  public constructor(public readonly url: string) {
    super();
    FakeSocket.opened.push(this);
  }

  public send(text: string): void {
    this.sent.push(text);
  }

  public open(): void {
    this.dispatchEvent(new Event('open'));
  }

  public drop(): void {
    this.dispatchEvent(new Event('close'));
  }
}

let sessionStatus = 200;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
  sessionStatus = 200;
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => ({ status: sessionStatus })),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function latestSocket(): FakeSocket {
  const socket = FakeSocket.opened.at(-1);
  if (socket === undefined) throw new Error('no socket opened');
  return socket;
}

describe('socket bridge', () => {
  it('connects to the API with the token and goes live when the socket opens', () => {
    const bridge = new SocketBridge({ host: '127.0.0.1:4000', protocol: 'http:' }, 'tok en');

    const before = bridge.link.get();
    latestSocket().open();

    expect(before).toBe('connecting');
    expect(bridge.link.get()).toBe('live');
    expect(latestSocket().url).toBe('ws://127.0.0.1:4000/api?token=tok%20en');
  });

  it('reconnects with growing delays after the link drops, and goes live again', async () => {
    const bridge = new SocketBridge({ host: '127.0.0.1:4000', protocol: 'http:' }, 'token');
    latestSocket().open();

    latestSocket().drop();
    await vi.advanceTimersByTimeAsync(0);
    const whileDown = bridge.link.get();
    await vi.advanceTimersByTimeAsync(250);
    latestSocket().drop();
    await vi.advanceTimersByTimeAsync(250);
    const afterShortWait = FakeSocket.opened.length;
    await vi.advanceTimersByTimeAsync(250);
    latestSocket().open();

    expect(whileDown).toBe('reconnecting');
    expect(afterShortWait).toBe(2);
    expect(FakeSocket.opened).toHaveLength(3);
    expect(bridge.link.get()).toBe('live');
  });

  it('stops retrying and reports refused when the host rejects the token', async () => {
    const bridge = new SocketBridge({ host: '127.0.0.1:4000', protocol: 'http:' }, 'wrong');
    sessionStatus = 401;

    latestSocket().drop();
    await vi.advanceTimersByTimeAsync(10_000);

    expect(bridge.link.get()).toBe('refused');
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it('fails calls made while the link is down instead of queueing them', async () => {
    const bridge = new SocketBridge({ host: '127.0.0.1:4000', protocol: 'http:' }, 'token');
    latestSocket().open();
    latestSocket().drop();

    const result = await bridge.client.invoke('app.info', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'not-connected' } });
  });
});
