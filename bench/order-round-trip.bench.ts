import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectToHost } from '../src-main/cli/host-connection';
import { silentLogger } from '../src-main/core/logger';
import { startHeadlessHost } from '../src-main/host/headless-host';
import { median, percentile, round, type Benchmark } from './bench-harness';
import { eventually } from '../src-main/testing/eventually';

// The simulator enforces ProjectX's 200 requests per 60 s: both halves together stay under it.
const rounds = 80;
// A Wednesday, 10:00 in Chicago: the simulated market is open.
const marketOpen = Date.parse('2026-11-18T16:00:00Z');

/**
 * The bench's own risk settings for its account. 160 one-lot fills in a few seconds, half of them
 * raw REST orders the gate never sees, trip the default trade-frequency rule (3 a minute, 50 a
 * session: "RULE-006 ... 51 fills this session > 50") and the order throttle (10 a second), and
 * could trip the loss cooldown, the no-stop grace and, as the spread paid on every round trip adds
 * up, the loss limits. A rule that fires mid-run (a denial, a lock, a flatten) measures
 * enforcement, not the round trip, so these are off or raised here; the run checks none fired.
 */
const benchRiskConfig = {
  orderThrottlePerSecond: 1000,
  tradeFrequency: { enabled: false },
  cooldownAfterLoss: { enabled: false },
  noStopLossGrace: { enabled: false },
  dailyRealizedLoss: { enabled: false },
  dailyUnrealizedLoss: { enabled: false },
  maxLossLimit: { enabled: false },
  consistency: { enabled: false },
};

/**
 * A market order through the terminal's API (WebSocket contract call, order service, adapter,
 * simulator) until the filled position is pushed back, next to a raw REST place to the same simulator.
 */
export const orderRoundTripBenchmark: Benchmark = {
  name: 'market-order-round-trip',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-order-'));
    const host = await startHeadlessHost({
      dataDir,
      port: 0,
      rendererDir: undefined,
      logger: silentLogger,
      broker: { kind: 'simulator' },
      clockStart: marketOpen,
    });
    try {
      await eventually(() => host.terminal.connection.current.trading === 'active', 'the terminal ready to trade', { timeoutMs: 20_000, intervalMs: 50 });
      const connection = await connectToHost({ api: host.ready.api, token: host.ready.token });
      if (!connection.ok) throw new Error(connection.error.message);
      const api = connection.value.client;
      const rest = host.ready.sim?.rest ?? '';
      const token = await login(rest);
      const accounts = await api.invoke('accounts.list', {});
      if (!accounts.ok) throw new Error(accounts.error.message);
      const accountId = accounts.value[1]?.account.id;
      if (accountId === undefined) throw new Error('the simulator offers no second account');
      const configured = await api.invoke('risk.config.set', { accountId, config: benchRiskConfig });
      if (!configured.ok) throw new Error(`risk.config.set: ${configured.error.message}`);
      const contract = await api.invoke('contracts.resolve', { symbol: 'MES' });
      if (!contract.ok) throw new Error(contract.error.message);

      const raw: number[] = [];
      for (let index = 0; index < rounds; index++) {
        const started = performance.now();
        const response = await fetch(`${rest}/api/Order/place`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ accountId, contractId: contract.value.id, type: 2, side: index % 2, size: 1 }),
        });
        if (!response.ok) throw new Error(`raw place answered HTTP ${response.status}`);
        await response.json();
        raw.push(performance.now() - started);
      }

      const terminal: number[] = [];
      let expected = 0;
      let resolveFilled: (() => void) | undefined;
      const stop = api.on('positions.changed', (change) => {
        if (change.contractId === contract.value.id && change.accountId === accountId && (change.summary?.position.size ?? 0) === expected) resolveFilled?.();
      });
      for (let index = 0; index < rounds; index++) {
        const side = index % 2 === 0 ? 'buy' : 'sell';
        expected = side === 'buy' ? 1 : 0;
        const filled = new Promise<void>((resolve) => (resolveFilled = resolve));
        const started = performance.now();
        const placed = await api.invoke('orders.place', { accountId, symbol: 'MES', side, size: 1, type: 'market' });
        if (!placed.ok) throw new Error(placed.error.message);
        await filled;
        terminal.push(performance.now() - started);
      }
      stop();
      // A rule that fired during the run (a breach, a lock) would make the figures enforcement's.
      const risk = await api.invoke('risk.state', { accountId });
      connection.value.close();
      if (!risk.ok) throw new Error(`risk.state: ${risk.error.message}`);
      const fired = [
        ...risk.value.breaches.filter((breach) => breach.level === 'breach').map((breach) => `${breach.ruleId} ${breach.message}`),
        ...risk.value.locks.map((lock) => `lock ${lock.reason}`),
      ];
      if (fired.length > 0) throw new Error(`risk rules fired during the run: ${fired.join('; ')}`);
      return {
        rounds,
        riskSettings: `orderThrottlePerSecond ${benchRiskConfig.orderThrottlePerSecond}; off: ${Object.keys(benchRiskConfig)
          .filter((key) => key !== 'orderThrottlePerSecond')
          .join(', ')}`,
        rawRestP50Ms: round(median(raw)),
        rawRestP99Ms: round(percentile(raw, 99)),
        terminalToFilledPositionP50Ms: round(median(terminal)),
        terminalToFilledPositionP99Ms: round(percentile(terminal, 99)),
        p50RatioToRawRest: round(median(terminal) / median(raw)),
        targetP50Ms: 5,
        targetP99Ms: 20,
      };
    } finally {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

async function login(rest: string): Promise<string> {
  const response = await fetch(`${rest}/api/Auth/loginKey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'demo', apiKey: 'demo' }),
  });
  const body = (await response.json()) as { token: string | null };
  if (body.token === null) throw new Error('simulator login failed');
  return body.token;
}
