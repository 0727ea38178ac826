import { Command } from 'commander';
import type { FillView } from '../../../src-shared/domain/trading';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { JournalService } from '../../core/analytics/journal-service';
import { createDispatcher } from '../../core/contract-dispatcher';
import { createBracketHandlers } from '../../core/handlers/bracket-handlers';
import { silentLogger } from '../../core/logger';
import { BarHistory } from '../../core/market/bar-history';
import { EventHub } from '../../core/event-hub';
import { TemplateCatalog } from '../../core/protection/template-catalog';
import { buildLiveRig } from '../../core/strategy/testing/live-rig';
import { createTerminalHandlers } from '../../core/terminal-service';
import { esContract, evaluationAccount } from '../../core/testing/fake-broker';
import type { CliOutput, CommandRunner } from '../command-kit';

/** Registers commands on a program (the groups' shapes differ only in the streams some take). */
export type Registration = (program: Command, run: CommandRunner, streams: CliOutput) => void;

/**
 * The CLI's command groups over a real contract dispatcher on the fake broker (core, order
 * service, strategies, journal, bracket templates), without a socket. For tests, not a test file itself.
 */
export async function cliOverFakeBroker(...registrations: readonly Registration[]) {
  const rig = await buildLiveRig([]);
  const { broker, core, orders, store, clock } = rig;
  const catalog = new TemplateCatalog(store, silentLogger);
  const info = { name: 'test', version: '0', host: 'headless' as const, pid: 1, startedAt: 0, dataDir: '/tmp' };
  const journal = new JournalService({ core, store, clock, attribution: rig.strategies.attribution });
  const handlers = createTerminalHandlers({
    clock,
    info,
    connection: rig.connection,
    trading: { broker, core, orders, history: new BarHistory(broker, store), strategies: rig.strategies, journal },
  });
  const dispatcher = createDispatcher({ ...handlers, ...createBracketHandlers(catalog, orders, new EventHub(), clock) }, silentLogger);
  const api = { invoke: (channel: string, request: unknown) => dispatcher.dispatch(channel, request), on: () => () => undefined } as unknown as TerminalApi;
  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    let code = 0;
    const streams: CliOutput = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
    const program = new Command('cli')
      .option('--json')
      .option('--account <id>', 'account', Number)
      .exitOverride()
      .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
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
    for (const register of registrations) register(program, runner, streams);
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch {
      code = 2;
    }
    return { code, stdout, stderr };
  };
  let fillId = 1;
  /** A fill of ES on the evaluation account, a second after the last. */
  const fill = (orderId: number, side: 'buy' | 'sell', size: number, priceTicks: number, extra: Partial<FillView> = {}): void => {
    rig.clock.advance(1_000);
    broker.emit({
      kind: 'fill',
      fill: {
        id: fillId++,
        accountId: evaluationAccount.id,
        contractId: esContract.id,
        orderId,
        side,
        size,
        priceTicks,
        realizedCents: null,
        feesCents: 140 * size,
        voided: false,
        time: rig.clock.now(),
        ...extra,
      },
    });
  };
  return { rig, api, catalog, run, fill };
}
