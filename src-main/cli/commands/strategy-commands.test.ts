import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { createDispatcher } from '../../core/contract-dispatcher';
import { silentLogger } from '../../core/logger';
import { JournalService } from '../../core/analytics/journal-service';
import { BarHistory } from '../../core/market/bar-history';
import { BacktestRuns } from '../../core/strategy/backtest-runs';
import { OrderAttribution } from '../../core/strategy/order-attribution';
import { StrategyService } from '../../core/strategy/strategy-service';
import { buildLiveRig } from '../../core/strategy/testing/live-rig';
import { createTerminalHandlers } from '../../core/terminal-service';
import { createBacktester } from '../../backtest/backtester';
import { builtInStrategies } from '../../strategies/built-in-strategies';
import type { CommandRunner } from '../command-kit';
import { strategyCommands } from './strategy-commands';

async function cliOverRig() {
  const rig = await buildLiveRig([]);
  const { broker, core, orders, store, clock, events } = rig;
  const attribution = new OrderAttribution(store);
  const strategies = new StrategyService({
    core,
    orders,
    broker,
    history: new BarHistory(broker, store),
    store,
    clock,
    events,
    logger: silentLogger,
    scheduler: rig.scheduler,
    kinds: builtInStrategies,
    attribution,
  });
  strategies.start();
  const journal = new JournalService({ core, store, clock, attribution });
  const history = new BarHistory(broker, store);
  const backtests = new BacktestRuns({
    port: createBacktester(),
    kinds: builtInStrategies,
    resolve: (symbol) => core.contracts.resolve(symbol),
    history,
    events,
    clock,
    logger: silentLogger,
  });
  const info = { name: 'test', version: '0', host: 'headless' as const, pid: 1, startedAt: 0, dataDir: '/tmp' };
  const dispatcher = createDispatcher(
    createTerminalHandlers({ clock, info, connection: rig.connection, trading: { broker, core, orders, history, strategies, journal, backtests } }),
    silentLogger,
  );
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  events.forward((channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  });
  const api = {
    invoke: (channel: string, request: unknown) => dispatcher.dispatch(channel, request),
    on: (channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  } as unknown as TerminalApi;
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    let code = 0;
    const program = new Command('cli').option('--json').option('--account <id>', 'account', Number).exitOverride();
    const runner: CommandRunner =
      (body) =>
      async (...args) => {
        const flags = program.opts<{ json?: boolean; account?: number }>();
        const result = await body({ api, accountId: flags.account }, ...args);
        if (result.ok) stdout += `${flags.json === true ? JSON.stringify(result.value.json) : result.value.text}\n`;
        else {
          stderr += `error ${result.error.code}: ${result.error.message}\n`;
          code = 1;
        }
      };
    strategyCommands(program, runner, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    await program.parseAsync(argv, { from: 'user' });
    return { code, stdout, stderr };
  };
  return { rig, run };
}

function jsonFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'strategy-cli-')), 'params.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('strategy commands', () => {
  it('adds, lists, starts, pauses, changes parameters of and flattens a strategy', async () => {
    const { run } = await cliOverRig();

    const added = await run('--json', 'strategies', 'add', 'trend-following', 'ES', '--params', jsonFile({ contracts: 2 }));
    const started = await run('strategies', 'start', 'tf-1');
    const paused = await run('strategies', 'pause', 'tf-1');
    const parameters = await run('strategies', 'params', 'tf-1', jsonFile({ stopAtr: 1.5, fastLength: 5 }));
    const badParameters = await run('strategies', 'params', 'tf-1', jsonFile({ fastLength: 0 }));
    const flattened = await run('--json', 'strategies', 'flatten', 'tf-1');
    const listed = await run('strategies');

    expect(JSON.parse(added.stdout)).toMatchObject({ id: 'tf-1', kind: 'trend-following', symbol: 'ES', status: 'stopped', parameters: { contracts: 2 } });
    expect(started.stdout).toContain('running');
    expect(paused.stdout).toContain('paused (paused by the trader)');
    expect(parameters.stdout).toBe('applied: stopAtr\non the next start: fastLength\n');
    expect(badParameters).toMatchObject({ code: 1, stderr: 'error invalid-request: parameter fastLength must be between 2 and 200\n' });
    expect(JSON.parse(flattened.stdout)).toMatchObject({ status: 'stopped', statusReason: 'stopped and flattened by the trader' });
    expect(listed.stdout).toMatch(/^id {4}kind {13}account/);
    expect(listed.stdout).toContain('tf-1  trend-following  101');
  });

  it('runs a backtest on the simulator with progress on stderr and the statistics as JSON', async () => {
    const { run } = await cliOverRig();

    const result = await run(
      '--json',
      'backtest',
      'mean-reversion',
      'ES',
      '--from',
      '2026-11-09T00:00:00Z',
      '--to',
      '2026-11-12T00:00:00Z',
      '--source',
      'simulator',
      '--seed',
      '3',
    );

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/backtest bt-1: loading/);
    expect(result.stderr).toMatch(/backtest bt-1: running 100% \(\d+\/\d+ bars\)/);
    const report = JSON.parse(result.stdout) as { statistics: { bars: number; trades: number; startingBalanceCents: number } };
    expect(report).toMatchObject({ runId: 'bt-1', strategy: 'mean-reversion', symbol: 'ES', statistics: { startingBalanceCents: 5_000_000 } });
    expect(report.statistics.bars).toBeGreaterThan(3000);
  });

  it('refuses a backtest of an unknown strategy, naming the field', async () => {
    const { run } = await cliOverRig();

    const result = await run('backtest', 'martingale', 'ES', '--from', '2026-11-09T00:00:00Z', '--to', '2026-11-12T00:00:00Z');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error not-found: no strategy kind martingale/);
  });

  it('prints the journal and the statistics of the account', async () => {
    const { run } = await cliOverRig();

    const journal = await run('journal');
    const stats = await run('--json', 'stats');

    expect(journal.stdout).toBe('(none)\n');
    expect(JSON.parse(stats.stdout)).toMatchObject({ accountId: 101, overall: { trades: 0 }, byStrategy: [] });
  });
});
