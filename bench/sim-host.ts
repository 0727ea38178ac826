import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src-main/core/logger';
import { startHeadlessHost, type HeadlessHost } from '../src-main/host/headless-host';
import { startSimGateway, type SimGateway } from '../src-main/sim/gateway/sim-gateway';
import { eventually } from '../src-main/testing/eventually';

/** A simulator without rate limits and a headless host trading on it, ready (trading active). */
export interface SimAndHost {
  readonly sim: SimGateway;
  readonly host: HeadlessHost;
  close(): Promise<void>;
}

/**
 * Starts the simulator at `clockStart` with no rate limits, and a headless host on it whose own
 * REST budget is lifted too (benchmarks make hundreds of calls a minute), then waits for trading.
 */
export async function startSimAndHost(clockStart: number, name: string): Promise<SimAndHost> {
  const sim = await startSimGateway({ clock: clockStart, rateLimits: false });
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const host = await startHeadlessHost({
    dataDir,
    port: 0,
    rendererDir: undefined,
    logger: silentLogger,
    clockStart,
    broker: {
      kind: 'projectx',
      restUrl: sim.urls.rest,
      userHubUrl: sim.urls.userHub,
      marketHubUrl: sim.urls.marketHub,
      userName: 'demo',
      apiKey: 'demo',
      rateBudgets: { bars: { requests: 100_000, windowMs: 1_000 }, other: { requests: 100_000, windowMs: 1_000 } },
    },
  });
  const close = async () => {
    await host.stop();
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await eventually(() => host.terminal.connection.current.trading === 'active', 'trading to become active', 20_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { sim, host, close };
}
