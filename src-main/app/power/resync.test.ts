import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionMonitor } from '../../core/connection-monitor';
import { EventHub } from '../../core/event-hub';
import { silentLogger } from '../../core/logger';
import { FakeBroker } from '../../core/testing/fake-broker';
import type { TradingServices } from '../../core/terminal-service';
import { TradingCore } from '../../core/trading-core';
import { createFakeElectron } from '../testing/fake-electron';
import { networkFingerprint, watchPowerAndNetwork } from './power-watch';
import { createResync } from './resync';

/** A broker that records reconnects, as the adapter's `reconnect()` would be called. */
class ReconnectingBroker extends FakeBroker {
  public readonly reconnects: string[] = [];
  public readonly snapshotCalls: number[] = [];
  public failSnapshots = 0;

  public async reconnect(reason: string): Promise<void> {
    this.reconnects.push(reason);
  }

  public override async snapshot(accountId: number) {
    this.snapshotCalls.push(accountId);
    if (this.failSnapshots > 0) {
      this.failSnapshots--;
      return { ok: false as const, error: { code: 'timeout' as const, message: 'REST timed out' } };
    }
    return super.snapshot(accountId);
  }
}

async function startedCore() {
  const broker = new ReconnectingBroker();
  broker.accountsList = [...broker.accountsList, { ...broker.accountsList[0], id: 202, name: '150K-2' } as (typeof broker.accountsList)[number]];
  const events = new EventHub();
  const clock = { now: () => Date.now() };
  const connection = new ConnectionMonitor(clock, events);
  const core = new TradingCore({ broker, store: undefined, clock, events, logger: silentLogger, connection });
  await core.start();
  broker.snapshotCalls.length = 0;
  const trading = { broker, core } as unknown as TradingServices;
  return { broker, core, connection, trading };
}

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
});

describe('resync after sleep or a network change', () => {
  it('halts order entry, reconnects, reconciles every account, then trading resumes', async () => {
    const { broker, connection, trading } = await startedCore();
    expect(connection.current).toMatchObject({ broker: 'live', trading: 'active' });
    const resync = createResync(trading, connection, silentLogger);
    stops.push(() => resync.dispose());
    const seen: string[] = [];
    const running = resync.run('woke from sleep');
    seen.push(connection.current.trading);
    await running;

    expect(seen).toEqual(['halted']);
    expect(broker.reconnects).toEqual(['woke from sleep']);
    expect(broker.snapshotCalls.sort()).toEqual([101, 202]);
    expect(connection.current).toMatchObject({ broker: 'live', trading: 'active' });
  });

  it('folds calls made while it runs into one more run', async () => {
    const { broker, connection, trading } = await startedCore();
    const resync = createResync(trading, connection, silentLogger);
    stops.push(() => resync.dispose());

    const first = resync.run('woke from sleep');
    void resync.run('the network changed');
    void resync.run('the network changed');
    await first;

    expect(broker.reconnects).toEqual(['woke from sleep', 'the network changed']);
  });

  it('tries again while a reconciliation fails, and stays halted meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { broker, connection, trading } = await startedCore();
    broker.failSnapshots = 2;
    const resync = createResync(trading, connection, silentLogger);
    stops.push(() => resync.dispose());

    await resync.run('woke from sleep');
    expect(connection.current.trading).toBe('halted');
    await vi.advanceTimersByTimeAsync(2_000);

    expect(connection.current).toMatchObject({ broker: 'live', trading: 'active' });
    expect(broker.reconnects).toEqual(['woke from sleep', 'woke from sleep']);
  });

  it('does nothing without a broker', async () => {
    const connection = new ConnectionMonitor({ now: () => 0 }, new EventHub());
    const resync = createResync(undefined, connection, silentLogger);

    await resync.run('woke from sleep');
    resync.halt('sleep');

    expect(connection.current.broker).toBe('not-configured');
  });
});

describe('power and network watch', () => {
  it('halts on suspend and resyncs on resume', async () => {
    const fake = createFakeElectron();
    const calls: string[] = [];
    stops.push(
      watchPowerAndNetwork({
        electron: fake.electron,
        resync: { halt: (reason) => calls.push(`halt:${reason}`), run: async (reason) => void calls.push(`run:${reason}`), dispose: () => undefined },
        interfaces: () => ({}),
      }),
    );

    fake.powerEvents.emit('suspend');
    fake.powerEvents.emit('resume');

    expect(calls).toEqual(['halt:the computer is going to sleep', 'run:woke from sleep']);
  });

  it('resyncs when the network changes and is online, and stops listening when told', () => {
    vi.useFakeTimers();
    const fake = createFakeElectron();
    const calls: string[] = [];
    let address = '192.168.1.20';
    const interfaces = () =>
      ({ lo: [{ address: '127.0.0.1', internal: true }], wlan0: [{ address, internal: false }] }) as unknown as ReturnType<
        typeof import('node:os').networkInterfaces
      >;
    const stop = watchPowerAndNetwork({
      electron: fake.electron,
      resync: { halt: () => undefined, run: async (reason) => void calls.push(reason), dispose: () => undefined },
      interfaces,
      pollMs: 1000,
    });

    vi.advanceTimersByTime(1000);
    fake.recorded.online = false;
    vi.advanceTimersByTime(1000);
    address = '10.8.0.5';
    fake.recorded.online = true;
    vi.advanceTimersByTime(1000);
    stop();
    fake.powerEvents.emit('resume');

    expect(calls).toEqual(['the network changed']);
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.powerEvents.listenerCount('resume')).toBe(0);
  });

  it('fingerprints external addresses only', () => {
    const interfaces = { lo: [{ address: '127.0.0.1', internal: true }], eth0: [{ address: '10.0.0.2', internal: false }] } as unknown as ReturnType<
      typeof import('node:os').networkInterfaces
    >;
    expect(networkFingerprint(interfaces, true)).toBe('online|10.0.0.2');
  });
});
