import { expect, test } from '@playwright/test';
import { cli, cliJson, eventually } from './cli';
import { startHost, type HostProcess } from './headless-host';

// A Wednesday, 10:00 in Chicago: the simulated market is open.
const marketOpen = '2026-11-18T16:00:00Z';
let host: HostProcess;

interface Status {
  connection: { broker: string; trading: string; reason: string };
}
interface PositionRow {
  position: { size: number; contractId: string };
  contract: { name: string; symbol: string };
}
interface OrderRow {
  id: number;
  status: string;
  limitTicks: number | null;
}

test.beforeEach(async () => {
  host = await startHost(['--clock', marketOpen]);
  await eventually(async () => {
    const status = await cliJson<Status>(host.ready.dataDir, 'status');
    return status.connection.trading === 'active' ? status : undefined;
  }, 20_000, 'trading to become active on the simulator');
});
test.afterEach(async () => {
  await host.stop();
});

test('the READY line names the built-in simulator', () => {
  expect(host.ready.sim?.rest).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(host.ready.sim?.control).toMatch(/\/sim$/);
});

test('lists accounts, finds contracts and reads quotes and bars from the simulator', async () => {
  const dataDir = host.ready.dataDir;

  const accounts = await cliJson<{ account: { name: string; balanceCents: number } }[]>(dataDir, 'accounts');
  const contracts = await cliJson<{ id: string; symbol: string }[]>(dataDir, 'contracts', 'ES');
  const quote = await eventually(async () => {
    const answer = await cliJson<{ quote: { lastTicks: number } | null }>(dataDir, 'quote', 'ES');
    return answer.quote ?? undefined;
  }, 15_000, 'a quote');
  const bars = await cliJson<{ bars: { time: number }[] }>(dataDir, 'bars', 'ES', '--unit', 'minute', '--count', '30');
  const text = await cli(dataDir, 'accounts');

  expect(accounts.length).toBeGreaterThanOrEqual(2);
  expect(contracts.some((contract) => contract.symbol === 'ES' && /^CON\.F\.US\.EP\.[HMUZ]\d\d$/.test(contract.id))).toBe(true);
  expect(quote.lastTicks).toBeGreaterThan(0);
  expect(bars.bars).toHaveLength(30);
  expect(bars.bars.map((bar) => bar.time)).toEqual([...bars.bars.map((bar) => bar.time)].sort((a, b) => a - b));
  expect(text.stdout).toMatch(/balance/);
});

test('buys at market, shows the position, then flattens it', async () => {
  const dataDir = host.ready.dataDir;

  const placed = await cliJson<{ orderId: number; customTag: string }>(dataDir, 'buy', 'ES', '1');
  const position = await eventually(async () => {
    const rows = await cliJson<PositionRow[]>(dataDir, 'positions');
    return rows.find((row) => row.contract.symbol === 'ES');
  }, 15_000, 'the ES position');
  const flattened = await cliJson<{ closedPositions: number }>(dataDir, 'flatten', '--all');
  const after = await eventually(async () => {
    const rows = await cliJson<PositionRow[]>(dataDir, 'positions');
    return rows.length === 0 ? rows : undefined;
  }, 15_000, 'flat');
  const fills = await cliJson<{ orderId: number }[]>(dataDir, 'fills');

  expect(placed.orderId).toBeGreaterThan(2 ** 31);
  expect(placed.customTag).toMatch(/^tt-/);
  expect(position.position.size).toBe(1);
  expect(flattened.closedPositions).toBe(1);
  expect(after).toEqual([]);
  expect(fills.some((fill) => fill.orderId === placed.orderId)).toBe(true);
});

test('rests a limit order, modifies and cancels it', async () => {
  const dataDir = host.ready.dataDir;
  const quote = await eventually(async () => (await cliJson<{ quote: { lastTicks: number } | null; contract: { tickSize: number } }>(dataDir, 'quote', 'ES')).quote ?? undefined);
  const farBelow = ((quote.lastTicks - 200) * 0.25).toFixed(2);
  const lower = ((quote.lastTicks - 210) * 0.25).toFixed(2);

  const placed = await cliJson<{ orderId: number }>(dataDir, 'buy', 'ES', '1', '--limit', farBelow);
  await eventually(async () => (await cliJson<OrderRow[]>(dataDir, 'orders')).find((order) => order.id === placed.orderId), 10_000, 'the working order');
  await cliJson(dataDir, 'modify', String(placed.orderId), '--price', lower);
  const moved = await eventually(async () => (await cliJson<OrderRow[]>(dataDir, 'orders')).find((order) => order.id === placed.orderId && order.limitTicks === quote.lastTicks - 210), 10_000, 'the modified price');
  await cliJson(dataDir, 'cancel', String(placed.orderId));
  const gone = await eventually(async () => ((await cliJson<OrderRow[]>(dataDir, 'orders')).some((order) => order.id === placed.orderId) ? undefined : true), 10_000, 'the cancel');

  expect(moved.status).toBe('open');
  expect(gone).toBe(true);
});

test('refuses bad orders with the reason and a non-zero exit', async () => {
  const dataDir = host.ready.dataDir;

  const offGrid = await cli(dataDir, 'buy', 'ES', '1', '--limit', '5000.1');
  const unknown = await cli(dataDir, 'buy', 'NOPE', '1');
  const zero = await cli(dataDir, 'buy', 'ES', '0');

  expect(offGrid.code).toBe(1);
  expect(offGrid.stderr).toMatch(/^error invalid-request: limitPrice 5000.1 is not on ESZ6's tick grid/);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/^error not-found: /);
  expect(zero.code).not.toBe(0);
});
