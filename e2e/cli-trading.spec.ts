import { expect, test } from '@playwright/test';
import { eventually } from '../src-main/testing/eventually';
import { cli, cliJson, jsonFile, polling } from './cli';
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
  stopTicks: number | null;
  type: string;
  side: 'buy' | 'sell';
  size: number;
  contractId: string;
  cause?: string;
}
interface FillRow {
  orderId: number;
  side: 'buy' | 'sell';
  size: number;
  cause?: string;
}

test.beforeEach(async () => {
  host = await startHost(['--clock', marketOpen]);
  await eventually(
    async () => {
      const status = await cliJson<Status>(host.ready.dataDir, 'status');
      return status.connection.trading === 'active' ? status : undefined;
    },
    'trading to become active on the simulator',
    polling(20_000),
  );
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
  const quote = await eventually(
    async () => {
      const answer = await cliJson<{ quote: { lastTicks: number } | null }>(dataDir, 'quote', 'ES');
      return answer.quote ?? undefined;
    },
    'a quote',
    polling(15_000),
  );
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
  const position = await eventually(
    async () => {
      const rows = await cliJson<PositionRow[]>(dataDir, 'positions');
      return rows.find((row) => row.contract.symbol === 'ES');
    },
    'the ES position',
    polling(15_000),
  );
  const flattened = await cliJson<{ closedPositions: number }>(dataDir, 'flatten', '--all');
  const after = await eventually(
    async () => {
      const rows = await cliJson<PositionRow[]>(dataDir, 'positions');
      return rows.length === 0 ? rows : undefined;
    },
    'flat',
    polling(15_000),
  );
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
  const quote = await eventually(
    async () => (await cliJson<{ quote: { lastTicks: number } | null; contract: { tickSize: number } }>(dataDir, 'quote', 'ES')).quote ?? undefined,
    'a quote',
    polling(),
  );
  const farBelow = ((quote.lastTicks - 200) * 0.25).toFixed(2);
  const lower = ((quote.lastTicks - 210) * 0.25).toFixed(2);

  const placed = await cliJson<{ orderId: number }>(dataDir, 'buy', 'ES', '1', '--limit', farBelow);
  await eventually(
    async () => (await cliJson<OrderRow[]>(dataDir, 'orders')).find((order) => order.id === placed.orderId),
    'the working order',
    polling(10_000),
  );
  await cliJson(dataDir, 'modify', String(placed.orderId), '--price', lower);
  const moved = await eventually(
    async () => (await cliJson<OrderRow[]>(dataDir, 'orders')).find((order) => order.id === placed.orderId && order.limitTicks === quote.lastTicks - 210),
    'the modified price',
    polling(10_000),
  );
  await cliJson(dataDir, 'cancel', String(placed.orderId));
  const gone = await eventually(
    async () => ((await cliJson<OrderRow[]>(dataDir, 'orders')).some((order) => order.id === placed.orderId) ? undefined : true),
    'the cancel',
    polling(10_000),
  );

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

test('protects a position with a bracket template, reverses it with its protection, then flattens everything', async () => {
  test.setTimeout(90_000);
  const dataDir = host.ready.dataDir;
  // Wide enough that the simulator's walk does not reach a leg while the test looks at them.
  const template = {
    name: 'E2E two targets',
    stop: { ticks: 60 },
    targets: [
      { ticks: 60, size: 1 },
      { ticks: 120, size: 1 },
    ],
  };
  const esOrders = async () => (await cliJson<OrderRow[]>(dataDir, 'orders')).filter((order) => order.contractId.startsWith('CON.F.US.EP.'));
  const esPosition = async () => (await cliJson<PositionRow[]>(dataDir, 'positions')).find((row) => row.contract.symbol === 'ES');

  // The evaluation preset caps ES at 1 contract: allow the 2 this test trades. The protective legs
  // are not counted as exposure, so the reverse (a sell of 4 against a long of 2) fits a cap of 2.
  const risk = await cli(dataDir, 'risk', 'set', jsonFile({ maxContractsPerInstrument: { limits: { ES: 2 } } }));
  expect(risk.code).toBe(0);

  // The template goes in from a file and comes back in the list.
  const saved = await cli(dataDir, 'brackets', 'set', jsonFile(template));
  const catalog = await cliJson<{ templates: { name: string; stop: { ticks: number; type: string } | null; targets: { ticks: number; size: number }[] }[] }>(
    dataDir,
    'brackets',
    'list',
  );
  const listed = await cli(dataDir, 'brackets', 'list');
  expect(saved.code).toBe(0);
  expect(catalog.templates.find((item) => item.name === template.name)).toMatchObject({ stop: { ticks: 60, type: 'stop-market' }, targets: template.targets });
  expect(listed.stdout).toMatch(/E2E two targets +60t stop-market +60t×1, 120t×1 +off +off/);

  // Buy 2 with it: the protection engine places a sell stop of 2 and two sell targets of 1 after the fill.
  const placed = await cliJson<{ orderId: number }>(dataDir, 'buy', 'ES', '2', '--template', template.name);
  const long = await eventually(
    async () => {
      const position = await esPosition();
      return position?.position.size === 2 ? position : undefined;
    },
    'the long of 2',
    polling(15_000),
  );
  const legs = await eventually(
    async () => {
      const working = await esOrders();
      const stops = working.filter((order) => order.side === 'sell' && order.type === 'stop');
      const targets = working.filter((order) => order.side === 'sell' && order.type === 'limit');
      return stops.length === 1 && targets.length === 2 ? { stops, targets } : undefined;
    },
    'a sell stop and two sell targets',
    polling(10_000),
  );
  expect(long.position.size).toBe(2);
  expect(legs.stops[0]).toMatchObject({ size: 2, cause: 'bracket:stop' });
  expect(legs.targets.map((order) => order.size)).toEqual([1, 1]);
  expect(legs.targets.map((order) => order.cause).sort()).toEqual(['bracket:target-1', 'bracket:target-2']);
  const stopTicks = legs.stops[0]?.stopTicks ?? 0;
  const targetTicks = legs.targets.map((order) => order.limitTicks ?? 0).sort((a, b) => a - b);
  expect((targetTicks[1] ?? 0) - (targetTicks[0] ?? 0)).toBe(60);
  expect((targetTicks[0] ?? 0) - stopTicks).toBe(120);
  const ordersText = await cli(dataDir, 'orders');
  expect(ordersText.stdout).toMatch(/ESZ6 +sell +2 +stop +\d+\.\d{2} +open +0\/2 +Stop/);
  expect(ordersText.stdout).toMatch(/ESZ6 +sell +1 +limit +\d+\.\d{2} +open +0\/1 +Target 2/);

  // Reverse: a short of 2 whose protection is a buy stop.
  const reversed = await cli(dataDir, 'reverse', 'ES');
  expect(reversed.stderr).toBe('');
  expect(reversed.code).toBe(0);
  expect(reversed.stdout).toMatch(/^reversed ES: cancelled \d+ order\(s\), placed 1 order\(s\)\n$/);
  const short = await eventually(
    async () => {
      const position = await esPosition();
      return position?.position.size === -2 ? position : undefined;
    },
    'the short of 2',
    polling(15_000),
  );
  const buyStop = await eventually(
    async () => {
      const working = await esOrders();
      const stops = working.filter((order) => order.type === 'stop');
      return stops.length === 1 && stops[0]?.side === 'buy' && working.every((order) => order.side === 'buy') ? stops[0] : undefined;
    },
    'a working buy stop and no sell leg left',
    polling(10_000),
  );
  expect(short.position.size).toBe(-2);
  expect(buyStop).toMatchObject({ side: 'buy', size: 2, status: 'open' });

  // Flatten: no position and no working order left on ES.
  await cliJson(dataDir, 'flatten', 'ES');
  const flat = await eventually(
    async () => ((await esPosition()) === undefined && (await esOrders()).length === 0 ? true : undefined),
    'flat with no working orders',
    polling(15_000),
  );
  expect(flat).toBe(true);

  // Every fill says who caused it: the entry and the reversal by hand, the flatten's close too.
  const fills = await cliJson<FillRow[]>(dataDir, 'fills');
  const fillsText = await cli(dataDir, 'fills');
  expect(fills.find((fill) => fill.orderId === placed.orderId)).toMatchObject({ side: 'buy', size: 2, cause: 'manual' });
  expect(fills.every((fill) => typeof fill.cause === 'string')).toBe(true);
  expect(fillsText.stdout.split('\n')[0]).toMatch(/ by$/);
  expect(fillsText.stdout).toMatch(/ESZ6 +buy +2 +\d+\.\d{2} .* Manual\n/);
  const journal = await cli(dataDir, 'journal');
  expect(journal.stdout).toMatch(/ES +long +2 +\d+\.\d{2,} +\d+\.\d{2,} .* Manual +Manual\n/);
});

test('refuses a bracket template file that is not valid, naming the field', async () => {
  const dataDir = host.ready.dataDir;

  const closer = await cli(
    dataDir,
    'brackets',
    'set',
    jsonFile({
      name: 'Bad',
      stop: { ticks: 8 },
      targets: [
        { ticks: 16, size: 1 },
        { ticks: 12, size: 1 },
      ],
    }),
  );
  const noStop = await cli(dataDir, '--json', 'brackets', 'set', jsonFile({ name: 'Empty', targets: [] }));
  const listed = await cliJson<{ templates: { name: string }[] }>(dataDir, 'brackets', 'list');

  expect(closer.code).toBe(1);
  expect(closer.stderr).toBe('error invalid-request: brackets.set: template.targets.1.ticks target 2 must be farther than target 1 (16 ticks)\n');
  expect(noStop.code).toBe(1);
  expect(JSON.parse(noStop.stderr)).toEqual({
    error: { code: 'invalid-request', message: 'brackets.set: template.stop a template needs a stop or at least one target', field: 'template.stop' },
  });
  expect(listed.templates.map((template) => template.name)).not.toContain('Bad');
});
