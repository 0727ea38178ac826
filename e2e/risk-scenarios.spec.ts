import { expect, test } from '@playwright/test';
import { eventually } from '../src-main/testing/eventually';
import { polling } from './cli';
import { startHost, type HostProcess } from './headless-host';
import { dayRollAt, marketOpen, priceAway, rowsOf, simDriver, Terminal, type OrderRow, type PositionRow, type SimDriver } from './risk-kit';
import { startSimulator, type SimProcess } from './simulator-process';

// docs/risk-rules.md §10, driven only through the terminal's public interfaces (the CLI) against the
// simulator (its control API for prices and faults, its REST API as another app on the account).

const hosts: HostProcess[] = [];
const simulators: SimProcess[] = [];

/** A terminal on the built-in simulator, with the market clock at `clock`, ready to trade. */
async function terminalOnBuiltInSim(clock = marketOpen): Promise<{ terminal: Terminal; sim: SimDriver; accountId: number }> {
  const host = await startHost(['--clock', clock]);
  hosts.push(host);
  const { sim } = host.ready;
  if (sim === undefined) throw new Error('the host runs no simulator');
  const terminal = new Terminal(host.ready.dataDir);
  await terminal.waitActive();
  await terminal.discipline();
  return { terminal, sim: simDriver(sim), accountId: await terminal.accountId() };
}

/** A host on a standalone simulator (its broker state outlives the host), started at `clock`, over `dataDir` when restarting. */
async function hostOnSimulator(simulator: SimProcess, clock: string, dataDir?: string): Promise<HostProcess> {
  const { rest, userHub, marketHub } = simulator.ready;
  const host = await startHost(['--broker', 'projectx', '--rest-url', rest, '--user-hub-url', userHub, '--market-hub-url', marketHub, '--clock', clock], {
    env: { PROJECTX_USERNAME: 'demo', PROJECTX_API_KEY: 'demo' },
    ...(dataDir === undefined ? {} : { dataDir }),
  });
  hosts.push(host);
  return host;
}

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  for (const sim of simulators.splice(0)) await sim.stop();
});

test('scenario 1: a long 2 ES that falls 12 ticks ($300) is flattened by RULE-004 and its leftover bracket stop is cancelled', async () => {
  const { terminal, sim, accountId } = await terminalOnBuiltInSim();
  await terminal.riskSet({ maxContractsPerInstrument: { limits: { ES: 2 } } });
  const entry = await terminal.json<{ orderId: number }>('buy', 'ES', '2', '--sl', '40');
  const long = await terminal.position('ES', 2);
  const stop = await eventually(
    async () => (await terminal.json<OrderRow[]>('orders')).find((order) => order.parentOrderId === entry.orderId && order.type === 'stop'),
    'the bracket stop',
    polling(10_000),
  );

  await sim.control('/price', { symbol: 'ES', price: priceAway(long, -12) });
  await terminal.flat('ES');
  const broker = await sim.state();
  const stopAtBroker = await sim.rest<{ orders: { id: number; status: number }[] }>('/api/Order/search', { accountId, startTimestamp: '2026-11-18T00:00:00Z' });
  const audit = await terminal.audit();
  const state = await terminal.risk();

  // The amount is the loss at the first quote past the limit: on a loaded machine the walk can skip ticks.
  expect(state.breaches.find((breach) => breach.ruleId === '004')?.message).toMatch(/^RULE-004 unrealized loss on ES -\$[\d,]+\.\d\d <= -\$300\.00$/);
  expect(broker.positions.filter((position) => position.accountId === accountId)).toEqual([]);
  expect(broker.workingOrders.filter((order) => order.accountId === accountId)).toEqual([]);
  // ProjectX status 3 = cancelled: the stop was cancelled, never filled.
  expect(stopAtBroker.orders.find((order) => order.id === stop.id)?.status).toBe(3);
  expect(broker.trades.some((trade) => trade.orderId === stop.id)).toBe(false);
  expect(rowsOf(audit, 'order.cancel-all', 'risk:004').map((row) => row.detail.orders)).toEqual([[stop.id]]);
  expect(rowsOf(audit, 'risk.enforce.verified', 'risk:004')).toHaveLength(1);
});

test('scenario 2: three losing round trips lock the account on RULE-003 (flatten, cancel, lock to 17:00 CT), and the lock survives killing the host', async () => {
  const simulator = await startSimulator(marketOpen);
  simulators.push(simulator);
  const sim = simDriver(simulator.ready);
  const first = await hostOnSimulator(simulator, marketOpen);
  const terminal = new Terminal(first.ready.dataDir);
  await terminal.waitActive();
  await terminal.discipline();
  const accountId = await terminal.accountId();
  // Only RULE-003 may act here: the trips must not trip the unrealized-loss, cooldown, frequency or stop rules first.
  await terminal.riskSet({
    dailyUnrealizedLoss: { limit: 1000 },
    cooldownAfterLoss: { enabled: false },
    tradeFrequency: { enabled: false },
    noStopLossGrace: { enabled: false },
  });

  // Three losing ES round trips: 10 ticks ($125), 10 ticks, then 60 ticks ($750), each plus $2.80 fees: about -$256
  // after two (far from the limit whatever the market does after each move) and -$1,009 after three.
  // Before the third closes, an MNQ long with its bracket stop is open: RULE-003 must close it and cancel the stop.
  let mnqStop: OrderRow | undefined;
  for (const [trip, ticks] of [10, 10, 60].entries()) {
    if (trip === 2) {
      const mnqEntry = await terminal.json<{ orderId: number }>('buy', 'MNQ', '1', '--sl', '200');
      await terminal.position('MNQ', 1);
      mnqStop = await eventually(
        async () => (await terminal.json<OrderRow[]>('orders')).find((order) => order.parentOrderId === mnqEntry.orderId && order.type === 'stop'),
        'the MNQ bracket stop',
        polling(10_000),
      );
    }
    expect((await terminal.risk()).effectiveLock).toBeNull();
    await terminal.json('buy', 'ES', '1');
    const long = await terminal.position('ES', 1);
    await sim.control('/price', { symbol: 'ES', price: priceAway(long, -ticks) });
    await terminal.json('flatten', 'ES');
    await terminal.flat('ES');
  }
  const locked = await terminal.lockedBy('003');
  await terminal.flat();
  await eventually(async () => ((await terminal.json<OrderRow[]>('orders')).length === 0 ? true : undefined), 'no working order', polling(10_000));
  const denied = await terminal.run('buy', 'ES', '1');
  const audit = await terminal.audit();
  const broker = await sim.state();

  expect(locked.effectiveLock).toMatchObject({ kind: 'hard', endsAt: dayRollAt });
  expect(denied.code).toBe(1);
  expect(denied.stderr).toMatch(/^error risk-denied: RULE-003 daily realized loss -\$[\d,]+\.\d\d <= -\$800\.00: trading locked until 2026-11-18 17:00 CT\n$/);
  expect(rowsOf(audit, 'position.flatten', 'risk:003').map((row) => row.detail.positions)).toContain(1);
  expect(rowsOf(audit, 'order.cancel-all', 'risk:003').flatMap((row) => row.detail.orders)).toContain(mnqStop?.id);
  expect(broker.positions.filter((position) => position.accountId === accountId)).toEqual([]);
  expect(broker.workingOrders.filter((order) => order.accountId === accountId)).toEqual([]);

  // A real crash: SIGKILL, then a new host process over the same data folder, on the broker's clock.
  await first.stop('SIGKILL');
  await hostOnSimulator(simulator, (await sim.state()).clock, first.ready.dataDir);
  await terminal.waitActive();
  const afterRestart = await terminal.run('buy', 'ES', '1');
  const state = await terminal.risk();

  expect(afterRestart.code).toBe(1);
  expect(afterRestart.stderr).toBe(denied.stderr);
  // The same lock, reloaded (not set again by a new breach): it keeps its start.
  expect(state.effectiveLock).toMatchObject({ ruleId: '003', kind: 'hard', endsAt: dayRollAt, startedAt: locked.effectiveLock?.startedAt });
  expect(state.health).toBe('locked');
  // Nothing reached the broker after the restart.
  expect((await sim.state()).trades.length).toBe(broker.trades.length);
});

test('scenario 3: a fourth fill within 60 s starts the trade-frequency cooldown; an order inside it is denied, one after it is accepted', async () => {
  const { terminal } = await terminalOnBuiltInSim();
  // The cooldown is the configured one (60 s by default), shortened so the test need not wait a minute.
  await terminal.riskSet({ tradeFrequency: { cooldownSeconds: { minute: 6 } } });

  for (const side of ['buy', 'sell', 'buy']) {
    await terminal.json(side, 'MES', '1');
    if (side === 'buy') await terminal.position('MES', 1);
    else await terminal.flat('MES');
    expect((await terminal.risk()).effectiveLock).toBeNull();
  }
  await terminal.json('sell', 'MES', '1');
  const { effectiveLock } = await terminal.lockedBy('006');
  const inside = await terminal.run('buy', 'MES', '1');
  const insideAt = await terminal.now();
  // Keep trying until an order is accepted; every refusal on the way must be the cooldown's.
  const refusals: string[] = [];
  const after = await eventually(
    async () => {
      const attempt = await terminal.run('buy', 'MES', '1', '--sl', '40');
      if (attempt.code === 0) return { at: await terminal.now() };
      refusals.push(attempt.stderr);
      return undefined;
    },
    'an order to be accepted after the cooldown',
    polling(15_000),
  );

  expect(effectiveLock).toMatchObject({ kind: 'cooldown' });
  const endsAt = effectiveLock?.endsAt ?? 0;
  // 6 s from the fourth fill (the lock is stored a moment after the rule ran).
  expect(endsAt - (effectiveLock?.startedAt ?? 0)).toBeGreaterThan(5900);
  expect(endsAt - (effectiveLock?.startedAt ?? 0)).toBeLessThanOrEqual(6000);
  expect(inside.code).toBe(1);
  expect(inside.stderr).toMatch(/^error risk-denied: RULE-006 trade frequency 4 fills in 60 s > 3: trading locked until 2026-11-18 10:\d\d:\d\d CT\n$/);
  expect(insideAt).toBeLessThan(endsAt);
  expect(refusals).toEqual(refusals.map(() => inside.stderr));
  expect(after.at).toBeGreaterThanOrEqual(endsAt);
  await terminal.position('MES', 1);
});

test('scenario 4: a position without a stop is flattened after the grace period; one protected by a stop placed in another app is left alone', async () => {
  const { terminal, sim, accountId } = await terminalOnBuiltInSim();
  await terminal.riskSet({ noStopLossGrace: { seconds: 3 } });

  await terminal.json('buy', 'MNQ', '1');
  const protectedLong = await terminal.position('MNQ', 1);
  const outsideStop = await sim.rest<{ success: boolean; orderId: number }>('/api/Order/place', {
    accountId,
    contractId: protectedLong.contract.id,
    type: 4,
    side: 1,
    size: 1,
    stopPrice: priceAway(protectedLong, -200),
  });
  await terminal.json('buy', 'MES', '1');
  const nakedLong = await terminal.position('MES', 1);

  await terminal.flat('MES', 15_000);
  const audit = await terminal.audit();
  const flattened = rowsOf(audit, 'risk.enforce.verified', 'risk:008');
  const positions = await terminal.json<PositionRow[]>('positions');
  const broker = await sim.state();

  expect(outsideStop.success).toBe(true);
  expect(flattened.map((row) => (row.detail.action as { contractId: string }).contractId)).toEqual([nakedLong.contract.id]);
  expect((flattened[0]?.at ?? 0) - nakedLong.position.openedAt).toBeGreaterThanOrEqual(3000);
  // The protected position's grace ended before the naked one's, and it is still open, its stop working.
  expect(protectedLong.position.openedAt + 3000).toBeLessThanOrEqual(flattened[0]?.at ?? 0);
  expect(positions.map((row) => [row.contract.symbol, row.position.size])).toEqual([['MNQ', 1]]);
  expect(broker.workingOrders.map((order) => order.id)).toContain(outsideStop.orderId);
  expect(
    audit.filter((row) => row.action === 'risk.enforce' && (row.detail.action as { contractId?: string }).contractId === protectedLong.contract.id),
  ).toEqual([]);
});

test('scenario 5: at 15:08 CT the position is flattened, orders cancelled, and nothing is accepted until 17:00 CT', async () => {
  const { terminal, sim, accountId } = await terminalOnBuiltInSim('2026-11-18T21:07:45Z');
  const sessionEnd = Date.parse('2026-11-18T21:08:00Z');

  await terminal.json('buy', 'ES', '1', '--sl', '40');
  await terminal.position('ES', 1);
  expect(await terminal.now(), 'the position must open before 15:08 CT').toBeLessThan(sessionEnd);

  const { effectiveLock } = await terminal.lockedBy('009', 30_000);
  await terminal.flat();
  await eventually(async () => ((await terminal.json<OrderRow[]>('orders')).length === 0 ? true : undefined), 'no working order', polling(10_000));
  const denied = await terminal.run('buy', 'ES', '1');
  const flattened = rowsOf(await terminal.audit(), 'risk.enforce.verified', 'risk:009');
  const broker = await sim.state();

  expect(effectiveLock).toMatchObject({ kind: 'hard', endsAt: dayRollAt });
  expect(flattened.length).toBeGreaterThan(0);
  expect(flattened[0]?.at).toBeGreaterThanOrEqual(sessionEnd);
  expect(denied.code).toBe(1);
  expect(denied.stderr).toMatch(/^error risk-denied: RULE-009 session closed for ES: trading locked until 2026-11-18 17:00 CT\n$/);
  expect(broker.positions.filter((position) => position.accountId === accountId)).toEqual([]);
  expect(broker.workingOrders.filter((order) => order.accountId === accountId)).toEqual([]);
});

test('scenario 5: on a CME holiday no order is accepted', async () => {
  // Christmas Day 2026, 10:00 CT: CME is closed all day.
  const { terminal, sim, accountId } = await terminalOnBuiltInSim('2026-12-25T16:00:00Z');

  const es = await terminal.run('buy', 'ES', '1');
  const nq = await terminal.run('sell', 'MNQ', '1', '--limit', '20000');
  const broker = await sim.state();

  expect(es.code).toBe(1);
  expect(es.stderr).toBe('error risk-denied: RULE-009 the session is closed for ES until 2026-12-27 17:00 CT\n');
  expect(nq.code).toBe(1);
  expect(nq.stderr).toMatch(/^error risk-denied: RULE-009 the session is closed for MNQ until 2026-12-27 17:00 CT\n$/);
  expect(broker.trades.filter((trade) => trade.accountId === accountId)).toEqual([]);
  expect(broker.workingOrders.filter((order) => order.accountId === accountId)).toEqual([]);
});

test('scenarios 6 and 7: a breach repeating on every quote while the broker answers 429 sends one flatten, which ends flat once the broker answers', async () => {
  const { terminal, sim, accountId } = await terminalOnBuiltInSim();
  await terminal.json('buy', 'ES', '1', '--sl', '80');
  const long = await terminal.position('ES', 1);

  // Every REST call answers 429 for 5 s; the market walks 36 ticks ($450) down, past the $300 limit, and stays there.
  await sim.control('/fault', { kind: 'rate-limit', seconds: 5 });
  await sim.control('/price', { symbol: 'ES', price: priceAway(long, -36) });
  await terminal.flat('ES', 20_000);
  const audit = await terminal.audit();
  const state = await terminal.risk();
  const broker = await sim.state();

  const attempts = rowsOf(audit, 'risk.enforce', 'risk:004');
  const breach = state.breaches.find((candidate) => candidate.ruleId === '004');
  // One breach recorded, repeated on the quotes that came while the flatten waited out the 429s.
  expect(rowsOf(audit, 'risk.breach', 'risk:004')).toHaveLength(1);
  expect(breach?.repeats).toBeGreaterThanOrEqual(5);
  // One flatten request: one attempt (the broker lane sat the 429s out), verified, never failed.
  expect(attempts.map((row) => [row.detail.attempt, row.detail.result])).toEqual([[1, 'ok']]);
  expect(attempts[0]?.detail.latencyMs).toBeGreaterThanOrEqual(2000);
  expect(rowsOf(audit, 'position.flatten', 'risk:004')).toHaveLength(1);
  expect(rowsOf(audit, 'risk.enforce.verified', 'risk:004')).toHaveLength(1);
  expect(rowsOf(audit, 'risk.enforce.failed', 'risk:004')).toEqual([]);
  // At the broker: the entry and one closing trade, nothing left open or working.
  expect(broker.trades.filter((trade) => trade.accountId === accountId).map((trade) => trade.profitAndLoss === null)).toEqual([false, true]);
  expect(broker.positions.filter((position) => position.accountId === accountId)).toEqual([]);
  expect(broker.workingOrders.filter((order) => order.accountId === accountId)).toEqual([]);
});

test('scenario 8: while locked for the day, a locked-in configuration refuses a looser daily loss limit and takes a stricter one', async () => {
  const { terminal } = await terminalOnBuiltInSim();

  const locked = await terminal.json<{ effectiveLock: { ruleId: string; endsAt: number } | null }>('risk', 'lock-day');
  await terminal.json('risk', 'lock-in');
  const looser = await terminal.tryRiskSet({ dailyRealizedLoss: { limit: 1000 } });
  const stricter = await terminal.tryRiskSet({ dailyRealizedLoss: { limit: 600 } });
  const denied = await terminal.run('buy', 'ES', '1');
  const config = await terminal.json<{ config: { dailyRealizedLoss: { limit: number } }; lockedUntil: number | null }>('risk', 'config');

  expect(locked.effectiveLock).toMatchObject({ ruleId: 'trader', endsAt: dayRollAt });
  expect(looser.code).toBe(1);
  expect(looser.stderr).toMatch(
    /^error risk-denied: the risk configuration is locked in until 2026-11-18 17:00 CT: dailyRealizedLoss\.limit may only be made stricter\n$/,
  );
  expect(stricter.code).toBe(0);
  expect(config).toMatchObject({ config: { dailyRealizedLoss: { limit: 600 } }, lockedUntil: dayRollAt });
  expect(denied.stderr).toBe('error risk-denied: TRADER-LOCK trading locked by the trader for the rest of the day: trading locked until 2026-11-18 17:00 CT\n');
});
