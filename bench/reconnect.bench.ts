import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionState } from '../src-shared/domain/connection';
import { startRestCallCounter } from '../src-main/adapters/projectx/reconcile/rest-call-counter';
import { composeTerminal } from '../src-main/compose';
import { silentLogger } from '../src-main/core/logger';
import { startSimGateway } from '../src-main/sim/gateway/sim-gateway';
import { median, percentile, round, type Benchmark } from './bench-harness';
import { eventually } from '../src-main/testing/eventually';

const drops = 10;
const activeWithinMs = 10_000;
const marketOpen = Date.parse('2026-11-18T16:00:00Z');

/**
 * Cheap reconnects: the whole terminal (core, store, adapter) on the simulator with its three
 * default accounts, REST reached through a counting pass-through. Each round drops both hub
 * sockets (`drop-sockets`) and measures, from the fault's request to trading `active` again, the
 * time, and the REST calls the simulator received in that episode (counted until 500 ms after
 * trading is active, so late reconciliation calls are not missed).
 */
export const reconnectBenchmark: Benchmark = {
  name: 'reconnect',
  async run() {
    const sim = await startSimGateway({ clock: marketOpen, seed: 11 });
    const counter = await startRestCallCounter(() => sim.urls.rest);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-reconnect-'));
    const terminal = await composeTerminal({
      host: 'headless',
      dataDir,
      logger: silentLogger,
      broker: { kind: 'projectx', restUrl: counter.url, userHubUrl: sim.urls.userHub, marketHubUrl: sim.urls.marketHub, userName: 'demo', apiKey: 'demo' },
      clockStart: marketOpen,
    });
    try {
      const states: { state: ConnectionState; at: number }[] = [];
      terminal.events.forward((channel, payload) => {
        if (channel === 'connection.changed') states.push({ state: payload as ConnectionState, at: performance.now() });
      });
      const startedAt = performance.now();
      await terminal.start();
      await eventually(() => terminal.connection.current.trading === 'active', 'trading to become active', 20_000);
      const startCalls = counter.calls.length;
      const startMs = performance.now() - startedAt;
      const times: number[] = [];
      const callsPerDrop: number[] = [];
      const pathsPerDrop = new Map<string, number>();
      let stuck = 0;
      for (let round = 0; round < drops; round++) {
        // Let the previous episode's stragglers land first.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const mark = counter.calls.length;
        const stateMark = states.length;
        const dropAt = performance.now();
        const response = await fetch(`${sim.urls.control}/fault`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'drop-sockets' }),
        });
        if (response.status !== 200) throw new Error(`drop-sockets refused: ${response.status}`);
        await eventually(() => states.slice(stateMark).some((entry) => entry.state.trading === 'halted'), 'trading to halt after the drop', 5_000);
        const back = await eventually(() => states.length > stateMark && terminal.connection.current.trading === 'active', 'trading active again', {
          timeoutMs: activeWithinMs,
          intervalMs: 2,
        }).then(
          () => true,
          () => false,
        );
        if (!back) {
          stuck += 1;
          await eventually(() => terminal.connection.current.trading === 'active', 'trading to become active after the drop', 120_000);
        }
        const activeAt = states.slice(stateMark).findLast((entry) => entry.state.trading === 'active')?.at ?? performance.now();
        times.push(activeAt - dropAt);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const episode = counter.calls.slice(mark);
        callsPerDrop.push(episode.length);
        for (const call of episode) pathsPerDrop.set(call.path, (pathsPerDrop.get(call.path) ?? 0) + 1);
      }
      return {
        accounts: terminal.trading?.core.accounts.size ?? 0,
        drops,
        dropToActiveMedianMs: round(median(times)),
        dropToActiveP90Ms: round(percentile(times, 90)),
        dropToActiveMaxMs: round(Math.max(...times)),
        dropsNotActiveWithin10s: stuck,
        restCallsPerDropMedian: median(callsPerDrop),
        restCallsPerDropMax: Math.max(...callsPerDrop),
        restCallsByPath: Object.fromEntries([...pathsPerDrop].map(([path, count]) => [path, round(count / drops, 2)])),
        startToActiveMs: round(startMs),
        restCallsAtStart: startCalls,
      };
    } finally {
      await terminal.dispose();
      await counter.close();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
