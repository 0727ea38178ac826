import { expect, test } from '@playwright/test';
import { eventually } from '../src-main/testing/eventually';
import { cliJson, polling } from './cli';
import { startHost, type HostProcess } from './headless-host';
import { startSimulator, type SimProcess } from './simulator-process';

// A Wednesday, 10:00 in Chicago: the simulated market is open.
const marketOpen = '2026-11-18T16:00:00Z';
let sim: SimProcess;
const hosts: HostProcess[] = [];

interface FillRow {
  id: number;
  orderId: number;
}
interface PositionRow {
  position: { size: number };
  contract: { symbol: string };
}

async function startTerminal(dataDir?: string): Promise<HostProcess> {
  const host = await startHost(
    ['--broker', 'projectx', '--rest-url', sim.ready.rest, '--user-hub-url', sim.ready.userHub, '--market-hub-url', sim.ready.marketHub, '--clock', marketOpen],
    { env: { PROJECTX_USERNAME: 'demo', PROJECTX_API_KEY: 'demo' }, ...(dataDir === undefined ? {} : { dataDir }) },
  );
  hosts.push(host);
  await eventually(
    async () => ((await cliJson<{ connection: { trading: string } }>(host.ready.dataDir, 'status')).connection.trading === 'active' ? true : undefined),
    'trading to become active',
    polling(20_000),
  );
  return host;
}

test.beforeEach(async () => {
  sim = await startSimulator(marketOpen);
});
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  await sim.stop();
});

test('after a crash, a restart restores the journal and shows fills made elsewhere while it was down, each once', async () => {
  const first = await startTerminal();
  const dataDir = first.ready.dataDir;
  const accounts = await cliJson<{ account: { id: number }; selected: boolean }[]>(dataDir, 'accounts');
  const accountId = accounts.find((account) => account.selected)?.account.id ?? 0;
  const placed = await cliJson<{ orderId: number; contractId: string }>(dataDir, 'buy', 'MES', '1');
  await eventually(
    async () => ((await cliJson<FillRow[]>(dataDir, 'fills')).some((fill) => fill.orderId === placed.orderId) ? true : undefined),
    'the fill',
    polling(15_000),
  );

  await first.stop('SIGKILL');
  const outside = await sim.rest<{ success: boolean; orderId: number }>('/api/Order/place', {
    accountId,
    contractId: placed.contractId,
    type: 2,
    side: 0,
    size: 2,
  });
  const second = await startTerminal(dataDir);
  const fills = await eventually(
    async () => {
      const rows = await cliJson<FillRow[]>(dataDir, 'fills');
      return rows.some((fill) => fill.orderId === outside.orderId) ? rows : undefined;
    },
    'the fill made while the terminal was down',
    polling(20_000),
  );
  const positions = await cliJson<PositionRow[]>(second.ready.dataDir, 'positions');
  const brokerTrades = (await sim.rest<{ trades: { id: number }[] }>('/api/Trade/search', { accountId, startTimestamp: '2026-11-17T00:00:00Z' })).trades;

  expect(outside.success).toBe(true);
  expect(fills.map((fill) => fill.id).sort()).toEqual(brokerTrades.map((trade) => trade.id).sort());
  expect(new Set(fills.map((fill) => fill.id)).size).toBe(fills.length);
  expect(positions.find((row) => row.contract.symbol === 'MES')?.position.size).toBe(3);
});

test('a trade placed by another app appears in the running terminal', async () => {
  const host = await startTerminal();
  const dataDir = host.ready.dataDir;
  const accounts = await cliJson<{ account: { id: number }; selected: boolean }[]>(dataDir, 'accounts');
  const accountId = accounts.find((account) => account.selected)?.account.id ?? 0;
  const { contract } = await cliJson<{ contract: { id: string } }>(dataDir, 'quote', 'MNQ');

  const outside = await sim.rest<{ orderId: number }>('/api/Order/place', { accountId, contractId: contract.id, type: 2, side: 1, size: 1 });
  const position = await eventually(
    async () => (await cliJson<PositionRow[]>(dataDir, 'positions')).find((row) => row.contract.symbol === 'MNQ'),
    'the MNQ position',
    polling(15_000),
  );
  const fills = await cliJson<FillRow[]>(dataDir, 'fills');

  expect(position.position.size).toBe(-1);
  expect(fills.some((fill) => fill.orderId === outside.orderId)).toBe(true);
});
