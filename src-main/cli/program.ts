import { Command, CommanderError } from 'commander';
import type { AppError, Result } from '../../src-shared/result';
import { positiveInteger, type CliOutput, type CommandContext, type CommandOutput, type CommandRunner } from './command-kit';
import { accountCommands } from './commands/account-commands';
import { bracketCommands } from './commands/bracket-commands';
import { marketCommands } from './commands/market-commands';
import { orderCommands } from './commands/order-commands';
import { riskCommands } from './commands/risk-commands';
import { strategyCommands } from './commands/strategy-commands';
import { collectStatus, formatStatus } from './commands/status';
import { connectToHost } from './host-connection';
import { resolveHostTarget, type TargetFlags } from './host-target';

interface GlobalFlags extends TargetFlags {
  readonly json?: boolean;
  readonly account?: number;
}

/** Runs the CLI; resolves to the process exit code. */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  let exitCode = 0;
  const program = new Command('cli')
    .description('Command-line client of a running terminal')
    .option('--data-dir <dir>', 'data folder of the running terminal (finds it through api.json)')
    .option('--url <url>', 'address of the running terminal (UI or API URL)')
    .option('--token <token>', 'API token of the running terminal')
    .option('--account <id>', 'account to act on (default: the selected account)', positiveInteger)
    .option('--json', 'print JSON instead of text')
    .exitOverride()
    .configureOutput({ writeOut: output.stdout, writeErr: output.stderr });

  const run: CommandRunner =
    (body) =>
    async (...args) => {
      const flags = program.opts<GlobalFlags>();
      exitCode = await runCommand(flags, output, (context) => body(context, ...args));
    };

  program
    .command('status')
    .description("the terminal's version, host, broker connection and API round trip")
    .action(
      run(async ({ api }) => {
        const report = await collectStatus(api, () => performance.now());
        return report.ok ? { ok: true, value: { json: report.value, text: formatStatus(report.value) } } : report;
      }),
    );
  accountCommands(program, run);
  marketCommands(program, run);
  orderCommands(program, run, output);
  bracketCommands(program, run);
  riskCommands(program, run);
  strategyCommands(program, run, output);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}

async function runCommand(flags: GlobalFlags, output: CliOutput, command: (context: CommandContext) => Promise<Result<CommandOutput>>): Promise<number> {
  const target = resolveHostTarget(flags);
  if (!target.ok) return printError(target.error, flags, output);
  const connection = await connectToHost(target.value);
  if (!connection.ok) return printError(connection.error, flags, output);
  try {
    const result = await command({ api: connection.value.client, accountId: flags.account });
    if (!result.ok) return printError(result.error, flags, output);
    output.stdout(`${flags.json === true ? JSON.stringify(result.value.json) : result.value.text}\n`);
    return 0;
  } finally {
    connection.value.close();
  }
}

/** One line on stderr: `error <code>: <message>`, or the JSON error with --json. */
function printError(error: AppError, flags: GlobalFlags, output: CliOutput): number {
  const line = flags.json === true ? JSON.stringify({ error }) : `error ${error.code}: ${error.message}`;
  output.stderr(`${line.replace(/\n/g, ' ')}\n`);
  return 1;
}
