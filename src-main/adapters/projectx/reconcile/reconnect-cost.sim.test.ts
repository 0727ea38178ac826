import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../../src-shared/domain/connection';
import { ConnectionMonitor } from '../../../core/connection-monitor';
import { EventHub } from '../../../core/event-hub';
import { silentLogger } from '../../../core/logger';
import { TradingCore } from '../../../core/trading-core';
import { eventually } from '../../../testing/eventually';
import { esContract, SimSession, simClockStart } from '../testing/sim-harness';
import { startRestCallCounter, type RestCallCounter } from './rest-call-counter';

let session: SimSession | undefined;
let counter: RestCallCounter | undefined;
let core: TradingCore | undefined;

afterEach(async () => {
  await core?.stop();
  await session?.close();
  await counter?.close();
  core = undefined;
  session = undefined;
  counter = undefined;
});

/** The trading core on the adapter on the simulator (its three default accounts), REST counted as the simulator receives it. */
async function terminal(): Promise<{ sim: SimSession; rest: RestCallCounter; states: ConnectionState[]; connection: ConnectionMonitor }> {
  const rest = await startRestCallCounter(() => sim.gateway.urls.rest);
  counter = rest;
  const sim = await SimSession.open({ restUrl: rest.url });
  session = sim;
  const events = new EventHub();
  const states: ConnectionState[] = [];
  events.forward((channel, payload) => {
    if (channel === 'connection.changed') states.push(payload as ConnectionState);
  });
  // The simulator's session clock, as the adapter's.
  const origin = Date.now();
  const clock = { now: () => simClockStart + (Date.now() - origin) };
  const connection = new ConnectionMonitor(clock, events);
  core = new TradingCore({ broker: sim.broker, store: undefined, clock, events, logger: silentLogger, connection });
  await core.start();
  await eventually(() => connection.current.trading === 'active', 'trading active after the start', 10_000);
  return { sim, rest, states, connection };
}

describe('reconnect cost (trading core on the simulator)', () => {
  it('one socket drop: trading is active again after one reconciliation of at most 4 REST calls, one reconciled event per account', async () => {
    const { sim, rest, states, connection } = await terminal();
    const accounts = [...(core?.accounts.keys() ?? [])];
    // Let the start's reads settle, then count from the drop on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const calls = rest.calls.length;
    const events = sim.events.length;
    const stateMark = states.length;

    await sim.fault('drop-sockets');
    await eventually(() => states.slice(stateMark).some((state) => state.trading === 'halted'), 'trading halted by the drop', 5_000);
    await eventually(() => connection.current.trading === 'active', 'trading active again', 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const episode = rest.calls.slice(calls).map((call) => call.path);
    expect(accounts).toHaveLength(3);
    expect(episode.length).toBeLessThanOrEqual(4);
    const reconciled = sim.all('reconciled', events).map((event) => event.snapshot.accountId);
    expect(reconciled.sort()).toEqual([...accounts].sort());
    expect(connection.current).toMatchObject({ broker: 'live', trading: 'active' });
  });

  it('a market-hub-only reconnect resubscribes and spends no REST call', async () => {
    const { sim, rest, states, connection } = await terminal();
    sim.broker.watchMarket(esContract);
    await sim.next('quote', (event) => event.quote.contractId === esContract, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const calls = rest.calls.length;
    const events = sim.events.length;
    const stateMark = states.length;

    // A frozen feed: the watchdog resubscribes, then reconnects the market hub alone.
    await sim.fault('freeze-feed');
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'reconnecting', events, 8_000);
    await sim.fault('unfreeze-feed');
    await sim.next('link', (event) => event.channel === 'market-hub' && event.state === 'live', events, 5_000);
    await eventually(() => connection.current.trading === 'active', 'trading active again', 5_000);
    await sim.next('quote', () => true, sim.events.length, 5_000);

    expect(states.slice(stateMark).some((state) => state.trading === 'halted')).toBe(true);
    expect(rest.calls.slice(calls)).toEqual([]);
    expect(sim.all('reconciled', events)).toEqual([]);
  });
});
