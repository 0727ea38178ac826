import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SimBroker, type SimState } from './broker';
import { injectFaults, restartHost, soakFaultKinds } from './faults';
import { HostUnderSoak } from './host';
import { auditOrders, compareAccount, protectionInvariants, type Invariant, type RunStart } from './invariants';
import { Ledger } from './ledger';
import { startSimulator, stopProcess, type SimReady, type Started } from './processes';
import { Random, sleep } from './random';
import { movePrices, tradeAccount, type TradedContract, type WorkloadContext } from './workload';

/**
 * `npm run soak -- [--seconds N] [--seed N]`: the headless host on a separately started simulator
 * under a random workload on two accounts, every fault kind and kill -9 restarts; then the terminal
 * is compared with the broker. Prints one JSON summary and `soak: N passed, M failed` (invariants
 * checked / broken), writes reports/soak.json for the CI summary, and exits 1 when one broke.
 */

const accounts = [18_101, 18_103] as const;
const symbols = ['ES', 'NQ'] as const;
/** Wednesday 2026-11-18 10:00 CT: the market is open for hours. */
const clockStart = '2026-11-18T16:00:00Z';
const reportPath = 'reports/soak.json';

/** Personal rules that would lock or throttle the accounts on their own are off: the soak is about the plumbing. */
const riskConfig = {
  orderThrottlePerSecond: 100,
  maxContracts: { enabled: false },
  maxContractsPerInstrument: { enabled: true, limits: { ES: 50, NQ: 50, MNQ: 50 } },
  tradeFrequency: { enabled: false },
  cooldownAfterLoss: { enabled: false },
  noStopLossGrace: { enabled: false },
  dailyRealizedLoss: { enabled: false },
  dailyUnrealizedLoss: { enabled: false },
  maxUnrealizedProfit: { enabled: false },
  dailyRealizedProfit: { enabled: false },
  maxLossLimit: { enabled: false },
  consistency: { enabled: false },
};

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('must be a whole number');
  return number;
}

interface Options {
  readonly seconds: number;
  readonly seed: number;
  readonly keep: boolean;
  readonly pauseMs: number;
  /** Exactly this many kill -9 restarts, when given. */
  readonly kills?: number;
}

function parseOptions(): Options {
  const program = new Command('soak')
    .description('Soaks the headless host on a separate simulator: random trading, every fault, kill -9 restarts; then compares with the broker')
    .option('--seconds <n>', 'how long the workload and the faults run', wholeNumber, 45)
    .option('--seed <n>', 'seed of the workload, the faults and the simulator (default: random)', wholeNumber)
    .option('--pause-ms <n>', "mean pause between one account's steps; lower is heavier (the broker allows 200 REST calls a minute)", wholeNumber, 1000)
    .option('--kills <n>', 'exactly this many kill -9 restarts (default: one per 20 s, at least 2, plus random ones)', wholeNumber)
    .option('--keep', "keep the host's data folder", false)
    .allowExcessArguments(false)
    .parse(process.argv);
  const options = program.opts<{ seconds: number; seed?: number; keep: boolean; pauseMs: number; kills?: number }>();
  if (options.seconds < 10) program.error('--seconds must be at least 10 (the faults need room)');
  return {
    seconds: options.seconds,
    seed: options.seed ?? Math.floor(Math.random() * 1_000_000),
    keep: options.keep,
    pauseMs: options.pauseMs,
    ...(options.kills === undefined ? {} : { kills: options.kills }),
  };
}

/** Processes to stop whatever happens. */
const cleanup: { sim?: Started<SimReady>; host?: HostUnderSoak } = {};

async function main(options: Options): Promise<{ summary: Record<string, unknown>; invariants: Invariant[] }> {
  const random = new Random(options.seed);
  const ledger = new Ledger();
  const sim = await startSimulator(options.seed, clockStart);
  cleanup.sim = sim;
  const broker = new SimBroker(sim.ready, ledger);
  const dataDir = mkdtempSync(join(tmpdir(), 'soak-host-'));
  const host = new HostUnderSoak(sim.ready, dataDir, ledger, async () => (await broker.state()).clock);
  cleanup.host = host;
  await host.start();
  if (!(await host.waitActive(30_000))) throw new Error('the host did not start trading within 30 s');

  for (const accountId of accounts) {
    const set = await host.call('risk.config.set', { accountId, config: riskConfig }, accountId);
    if (!set.ok) throw new Error(`risk.config.set on ${accountId}: ${set.error.message}`);
  }
  const contracts: TradedContract[] = [];
  for (const symbol of symbols) {
    const resolved = await host.call('contracts.resolve', { symbol });
    if (!resolved.ok) throw new Error(`contracts.resolve ${symbol}: ${resolved.error.message}`);
    contracts.push({ symbol, contractId: resolved.value.id, tickSize: resolved.value.tickSize });
  }

  const first = await broker.state();
  const start: RunStart = {
    afterTradeId: Math.max(0, ...first.trades.map((trade) => trade.id)),
    clockOffsetMs: Date.parse(first.clock) - Date.now(),
    sinceIso: new Date(Date.parse(first.clock) - 3_600_000).toISOString(),
  };
  const rssStartKb = host.rssKb();
  const startedAt = Date.now();
  const until = startedAt + options.seconds * 1000;
  const stopped = (): boolean => Date.now() >= until;
  const context: WorkloadContext = { host, broker, random, contracts, stopped, pauseMs: options.pauseMs };
  const moved = { count: 0 };
  const minKills = options.kills ?? Math.max(2, Math.floor(options.seconds / 20));

  const sampling = (async () => {
    while (!stopped()) {
      const next = Date.now() + 200;
      await host.sample();
      await sleep(Math.max(0, next - Date.now()));
    }
  })();
  await Promise.all([
    ...accounts.map((accountId) => tradeAccount(context, accountId)),
    movePrices(context, moved),
    injectFaults({
      host,
      broker,
      ledger,
      random,
      accounts,
      contractIds: contracts.map((contract) => contract.contractId),
      until,
      minKills,
      exactKills: options.kills !== undefined,
    }),
    sampling,
  ]);
  const workloadMs = Date.now() - startedAt;

  // Settle: every fault off, the feed paused (no more fills of its own), the host up and trading.
  await broker.control('/fault', { kind: 'unfreeze-feed' });
  await broker.control('/feed', { paused: true });
  const quietBy = Date.now() + 15_000;
  while (Date.now() < quietBy) {
    const faults = (await broker.state()).gateway.faults;
    if (faults.rateLimitedSeconds === 0 && faults.partialPayloadsSeconds === 0) break;
    await sleep(250);
  }
  // A last restart when the host is down, or when it does not trade again on its own (that is
  // reported as broken; the restart lets the comparisons with the broker still be made).
  let lastRestart: 'none' | 'host down' | 'not trading' = 'none';
  if (host.pid === undefined) {
    lastRestart = 'host down';
    await restartHost({ host, ledger });
  }
  const activeAfterSettle = await host.waitActive(30_000);
  if (!activeAfterSettle) {
    lastRestart = 'not trading';
    const state = await host.read('connection.get', {});
    ledger.stuck = state.ok ? `${state.value.broker}/${state.value.trading}: ${state.value.reason}` : state.error.message;
    await host.stop();
    await restartHost({ host, ledger });
    await host.waitActive(60_000);
  }
  await sleep(2_000);
  // Every unknown-outcome answer is settled by exactly one orders.resolved, unless its host was ended first.
  const unsettledNow = (): string[] =>
    ledger.calls
      .filter((call) => call.code === 'unknown-outcome' && call.customTag !== null)
      .flatMap((call) => {
        const count = ledger.resolutions.filter((resolution) => resolution.customTag === call.customTag).length;
        if (count === 1 || (count === 0 && ledger.hostEnds.some((at) => at >= call.endedAt))) return [];
        return [`${call.channel} ${call.customTag} on ${call.accountId ?? '-'}: ${count} orders.resolved events`];
      });
  // Settling looks the order up at the broker, which may wait out a 429 back-off first.
  const settleBy = Date.now() + 30_000;
  while (unsettledNow().length > 0 && Date.now() < settleBy) await sleep(500);
  const unsettled = unsettledNow();

  // Compare with the broker, giving the terminal up to 20 s to catch up with the last events.
  let state: SimState = await broker.state();
  let comparisons: Invariant[] = [];
  const compareBy = Date.now() + 20_000;
  for (;;) {
    state = await broker.state();
    comparisons = (await Promise.all(accounts.map((accountId) => compareAccount(host, state, accountId, start, contracts)))).flat();
    if (comparisons.every((check) => check.ok) || Date.now() > compareBy) break;
    await sleep(500);
  }
  const brokerOrders = (await Promise.all(accounts.map((accountId) => broker.orders(accountId, start.sinceIso)))).flat();
  const audit = auditOrders(brokerOrders, ledger, (brokerMs) => broker.wallTimeOf(brokerMs));
  const rssEndKb = host.rssKb();
  const endClockOffsetMs = Date.parse(state.clock) - Date.now();

  const injected = new Set(ledger.faults.filter((fault) => fault.ok).map((fault) => fault.kind));
  const missingFaults = [...soakFaultKinds, 'unfreeze-feed'].filter((kind) => !injected.has(kind));
  const kills = ledger.faults.filter((fault) => fault.kind === 'kill' && fault.ok).length;
  const invariants: Invariant[] = [
    check('every fault kind injected, and at least ' + minKills + ' kill -9 restarts', [
      ...missingFaults.map((kind) => `${kind} never injected`),
      ...(kills < minKills ? [`only ${kills} kills`] : []),
    ]),
    check('the host never ended on its own and every restart came up', ledger.unexpectedExits),
    check(
      'trading active again after the faults',
      activeAfterSettle ? [] : [`not trading 30 s into the settle (${ledger.stuck ?? ''}); restarted once more for the comparisons`],
    ),
    check('every unknown-outcome answer is followed by one orders.resolved', unsettled),
    ...comparisons,
    ...audit.invariants,
    ...protectionInvariants(state, accounts, contracts),
  ];

  const calls = ledger.callCounts();
  const resolutions: Record<string, number> = {};
  for (const resolution of ledger.resolutions)
    resolutions[`${resolution.command} ${resolution.outcome}`] = (resolutions[`${resolution.command} ${resolution.outcome}`] ?? 0) + 1;
  const summary = {
    seed: options.seed,
    seconds: options.seconds,
    pauseMs: options.pauseMs,
    workloadMs,
    faults: { total: ledger.faults.length, kills, restarts: host.restarts, lastRestart, byKind: ledger.faultCounts() },
    calls: { total: calls.total, ok: calls.ok, failed: calls.failed, priceMoves: moved.count, byChannel: calls.byChannel },
    acknowledgedOrders: ledger.acknowledged.size,
    lateOrders: audit.lateOrders,
    lateOrderDetails: audit.lateOrderDetails,
    reverseOrders: audit.reverseOrders,
    slowCalls: ledger.calls
      .filter((call) => call.endedAt - call.startedAt > 10_000)
      .map(
        (call) =>
          `${call.channel} on ${call.accountId ?? '-'} at +${((call.startedAt - startedAt) / 1000).toFixed(1)} s answered ${call.code ?? 'ok'} after ${((call.endedAt - call.startedAt) / 1000).toFixed(1)} s`,
      ),
    unknownOutcomes: ledger.calls.filter((call) => call.code === 'unknown-outcome').length,
    orderResolutions: resolutions,
    activeShare: ledger.totalSamples === 0 ? 0 : Math.round((ledger.activeSamples / ledger.totalSamples) * 1000) / 1000,
    activeSamples: { active: ledger.activeSamples, total: ledger.totalSamples },
    minRestHeadroom: ledger.minHeadroom,
    rssKb: { start: rssStartKb, end: rssEndKb },
    broker: {
      orders: audit.brokerOrders,
      fills: state.trades.filter((trade) => trade.id > start.afterTradeId).length,
      openPositions: state.positions.filter((position) => position.size !== 0).length,
      workingOrders: state.workingOrders.length,
      clockDriftMs: endClockOffsetMs - start.clockOffsetMs,
    },
    dataDir: options.keep ? dataDir : undefined,
  };
  await host.stop();
  if (!options.keep && invariants.every((entry) => entry.ok)) rmSync(dataDir, { recursive: true, force: true });
  else summary.dataDir = dataDir;
  return { summary, invariants };
}

function check(name: string, problems: readonly string[]): Invariant {
  return problems.length === 0 ? { name, ok: true } : { name, ok: false, detail: problems.join('; ') };
}

function report(passed: number, failed: number, seed: number, extra: Record<string, unknown>): void {
  mkdirSync('reports', { recursive: true });
  writeFileSync(reportPath, `${JSON.stringify({ passed, failed, seed, ...extra }, null, 2)}\n`);
}

async function stopAll(): Promise<void> {
  await cleanup.host?.stop().catch(() => undefined);
  if (cleanup.sim !== undefined) await stopProcess(cleanup.sim).catch(() => undefined);
}

const options = parseOptions();
rmSync(reportPath, { force: true });
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
main(options).then(
  async ({ summary, invariants }) => {
    await stopAll();
    const broken = invariants.filter((entry) => !entry.ok);
    const passed = invariants.length - broken.length;
    const output = { ...summary, invariants: { passed, failed: broken.length, broken, checked: invariants.map((entry) => entry.name) } };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    report(passed, broken.length, options.seed, { broken });
    process.stdout.write(`soak: ${passed} passed, ${broken.length} failed\n`);
    process.exitCode = broken.length > 0 ? 1 : 0;
  },
  async (error: unknown) => {
    await stopAll();
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`soak: the run itself failed (seed ${options.seed}): ${message}\n`);
    process.stdout.write(`${JSON.stringify({ seed: options.seed, seconds: options.seconds, error: message.split('\n')[0] }, null, 2)}\n`);
    report(0, 1, options.seed, { error: message });
    process.stdout.write('soak: 0 passed, 1 failed\n');
    process.exitCode = 1;
  },
);
