import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { ConnectionMonitor } from '../../core/connection-monitor';
import { createDispatcher } from '../../core/contract-dispatcher';
import { EventHub } from '../../core/event-hub';
import { silentLogger } from '../../core/logger';
import { BarHistory } from '../../core/market/bar-history';
import { startRiskHarness } from '../../core/risk/testing/risk-harness';
import { createTerminalHandlers } from '../../core/terminal-service';
import type { CommandRunner } from '../command-kit';
import { riskCommands } from './risk-commands';

async function cliOverHarness() {
  const harness = await startRiskHarness();
  const { broker, core, orders, risk, store, clock } = harness;
  const info = { name: 'test', version: '0', host: 'headless' as const, pid: 1, startedAt: 0, dataDir: '/tmp' };
  const dispatcher = createDispatcher(
    createTerminalHandlers({
      clock,
      info,
      connection: new ConnectionMonitor(clock, new EventHub()),
      trading: { broker, core, orders, history: new BarHistory(broker, store), risk },
    }),
    silentLogger,
  );
  const api = { invoke: (channel: string, request: unknown) => dispatcher.dispatch(channel, request), on: () => () => undefined } as unknown as TerminalApi;
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
    riskCommands(program, runner);
    await program.parseAsync(argv, { from: 'user' });
    return { code, stdout, stderr };
  };
  return { harness, run };
}

describe('risk commands', () => {
  it('prints the risk panel, as text and as JSON', async () => {
    const { harness, run } = await cliOverHarness();

    const text = await run('risk');
    const json = await run('risk', '--json');

    expect(text.stdout).toMatch(/^50KTC-V2-1 \(101\) {2}OK {2}trading day 2026-11-18, resets in 7h 00m/);
    expect(text.stdout).toContain('RULE-003  daily realized loss');
    expect(text.stdout).toContain('-$800.00');
    expect(text.stdout).toContain('to floor $2,000.00 (floor $48,000.00)  to daily loss limit $800.00  to profit target $3,000.00');
    expect(text.stdout).toContain('program: Combine 50K (detected from the name; figures as of');
    expect(text.stdout).toMatch(
      /maximum loss limit +ok +floor \$48,000\.00 +\$2,000\.00 above it; trails the best close by \$2,000\.00, stops at \$50,000\.00/,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      accountId: 101,
      health: 'ok',
      program: { program: { kind: 'combine', size: '50K' } },
      distances: { toFloorCents: 200_000 },
    });
    await harness.stop();
  });

  it('sets a configuration from a file and exits non-zero naming the field of a bad one', async () => {
    const { harness, run } = await cliOverHarness();
    const folder = mkdtempSync(join(tmpdir(), 'risk-cli-'));
    writeFileSync(join(folder, 'good.json'), JSON.stringify({ dailyRealizedLoss: { limit: 600 } }));
    writeFileSync(join(folder, 'bad.json'), JSON.stringify({ maxContracts: { limit: 0 } }));

    const good = await run('risk', 'set', join(folder, 'good.json'));
    const bad = await run('risk', 'set', join(folder, 'bad.json'));
    const missing = await run('risk', 'set', join(folder, 'missing.json'));

    expect(good.code).toBe(0);
    expect(good.stdout).toContain('"limit": 600');
    expect(bad).toMatchObject({ code: 1, stderr: 'error invalid-request: risk config maxContracts.limit: must be at least 1\n' });
    expect(missing.stderr).toMatch(/^error invalid-request: cannot read/);
    await harness.stop();
  });

  it('locks trading until the day roll with lock-day, printing the denial the next order gets', async () => {
    const { harness, run } = await cliOverHarness();

    const text = await run('risk', 'lock-day');
    const json = await run('--json', 'risk', 'lock-day');

    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^TRADER-LOCK trading locked by the trader for the rest of the day: trading locked until 2026-11-18 17:00 CT\n/);
    expect(text.stdout).toContain('LOCKED');
    expect(JSON.parse(json.stdout)).toMatchObject({ health: 'locked', effectiveLock: { ruleId: 'trader', endsAt: Date.parse('2026-11-18T23:00:00Z') } });
    await harness.stop();
  });

  it('sets the account program, and goes back to detecting it', async () => {
    const { harness, run } = await cliOverHarness();

    const set = await run('risk', 'program', 'express', '50K');
    const state = await run('--json', 'risk');
    const auto = await run('risk', 'program', 'auto');
    const bad = await run('risk', 'program', 'express');

    expect(set.stdout).toContain('program: XFA 50K (set by the trader');
    expect(JSON.parse(state.stdout)).toMatchObject({
      program: { program: { kind: 'express', size: '50K', source: 'trader' } },
      distances: { nextScaling: { lots: 3, toProfitCents: 150_000 } },
    });
    expect(auto.stdout).toContain('program: Combine 50K (detected from the name');
    expect(bad).toMatchObject({ code: 1, stderr: 'error invalid-request: a express account needs its size (50K, 100K or 150K)\n' });
    await harness.stop();
  });

  it('sets how the maximum loss floor trails with --floor, and shows it in risk', async () => {
    const { harness, run } = await cliOverHarness();

    const before = await run('risk');
    const set = await run('risk', 'program', '--floor', 'intraday');
    const state = await run('--json', 'risk');
    const both = await run('risk', 'program', 'combine', '50K', '--floor', 'eod');
    const bad = await run('risk', 'program', '--floor', 'weekly');
    const nothing = await run('risk', 'program');

    expect(before.stdout).toContain('maximum loss floor trails: end of day');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('program: Combine 50K (detected from the name');
    expect(set.stdout).toContain('maximum loss floor trails: intraday');
    expect(set.stdout).toMatch(/trails the highest intraday equity by \$2,000\.00, stops at \$50,000\.00/);
    expect(JSON.parse(state.stdout)).toMatchObject({ program: { floor: 'intraday', program: { source: 'name' } } });
    expect(both.stdout).toContain('program: Combine 50K (set by the trader');
    expect(both.stdout).toContain('maximum loss floor trails: end of day');
    expect(bad).toMatchObject({ code: 1, stderr: "error invalid-request: unknown floor mode 'weekly': use eod or intraday\n" });
    expect(nothing.code).toBe(1);
    await harness.stop();
  });

  it('applies a preset, locks in, refuses loosening afterwards, and shows the audit', async () => {
    const { harness, run } = await cliOverHarness();

    const preset = await run('risk', 'preset', '100k');
    const lockIn = await run('--json', 'risk', 'lock-in');
    const back = await run('risk', 'preset', '150k');
    const unknown = await run('risk', 'preset', '25k');
    const audit = await run('risk', 'audit', '--limit', '3');

    expect(preset.stdout).toContain('applied the 100k preset');
    expect(JSON.parse(lockIn.stdout)).toMatchObject({ lockedUntil: Date.parse('2026-11-18T23:00:00Z') });
    expect(back).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('error risk-denied: the risk configuration is locked in until 2026-11-18 17:00 CT'),
    });
    expect(unknown.stderr).toBe("error invalid-request: unknown preset '25k': use discipline, defaults, 50k, 100k, 150k\n");
    expect(audit.stdout).toContain('risk.config.preset.150k.refused');
    expect(audit.stdout).toContain('risk.config.lock-in');
    await harness.stop();
  });
});
