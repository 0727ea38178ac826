import type { Command } from 'commander';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { isoTime, output, positiveInteger, readJsonObject, type CliOutput, type CommandRunner } from '../command-kit';
import { ContractNames } from '../contract-names';
import { backtestCommand } from './backtest-command';
import { formatJournal, formatKinds, formatStats, formatStrategies, formatStrategyDetail, type GridOf } from './strategy-format';

/** The price grids of these contracts, to print prices in their format. */
async function gridsOf(api: TerminalApi, contractIds: Iterable<string>): Promise<GridOf> {
  const names = new ContractNames(api);
  await names.load(contractIds);
  return (contractId) => names.get(contractId);
}

/** A JSON object of parameter values, as the contract takes them. */
function parameterValues(document: Record<string, unknown>): Record<string, number | boolean | string> {
  return document as Record<string, number | boolean | string>;
}

/** strategies (list, kinds, add, show, start, pause, resume, stop, flatten, params, log, remove), backtest, journal, stats. */
export function strategyCommands(program: Command, run: CommandRunner, streams: CliOutput): void {
  const strategies = program
    .command('strategies')
    .description("the account's strategies: status, position, working orders, today's P&L and trades (subcommands below)")
    .option('--all-accounts', 'every account, not just the selected one')
    .action(
      run(async ({ api, accountId }, options) => {
        const allAccounts = (options as { allAccounts?: boolean }).allAccounts === true;
        const answer = await api.invoke('strategies.list', { ...(allAccounts ? { allAccounts } : { accountId }) });
        return answer.ok
          ? output(
              answer.value,
              formatStrategies(
                answer.value,
                await gridsOf(
                  api,
                  answer.value.map((view) => view.contractId),
                ),
              ),
            )
          : answer;
      }),
    );

  strategies
    .command('kinds')
    .description('the strategies the terminal can run, with their parameters and defaults')
    .action(
      run(async ({ api }) => {
        const answer = await api.invoke('strategies.kinds', {});
        return answer.ok ? output(answer.value, formatKinds(answer.value)) : answer;
      }),
    );

  strategies
    .command('add')
    .description('create a strategy (stopped) on the account and a contract')
    .argument('<kind>', 'e.g. trend-following (see strategies kinds)')
    .argument('<symbol>', 'a root such as ES, or a full contract id')
    .option('--params <file>', 'a JSON file of parameters, e.g. {"contracts": 2}')
    .option('--name <name>', 'a name to show')
    .action(
      run(async ({ api, accountId }, kind, symbol, options) => {
        const { params, name } = options as { params?: string; name?: string };
        const parameters = params === undefined ? undefined : await readJsonObject(params);
        if (parameters !== undefined && !parameters.ok) return parameters;
        const answer = await api.invoke('strategies.create', {
          accountId,
          kind: String(kind),
          symbol: String(symbol),
          ...(name === undefined ? {} : { name }),
          ...(parameters === undefined ? {} : { parameters: parameterValues(parameters.value) }),
        });
        return answer.ok ? output(answer.value, `created ${answer.value.id}\n${formatStrategies([answer.value])}`) : answer;
      }),
    );

  strategies
    .command('show')
    .description('one strategy: parameters, orders and its decision log')
    .argument('<id>', 'the strategy')
    .action(
      run(async ({ api }, id) => {
        const answer = await api.invoke('strategies.get', { id: String(id) });
        return answer.ok ? output(answer.value, formatStrategyDetail(answer.value, await gridsOf(api, [answer.value.strategy.contractId]))) : answer;
      }),
    );

  const lifecycle = [
    ['start', 'start (or restart) a strategy', 'strategies.start'],
    ['pause', 'pause: no new decisions; its protective orders stay', 'strategies.pause'],
    ['resume', 'resume a paused strategy', 'strategies.resume'],
  ] as const;
  for (const [name, description, channel] of lifecycle) {
    strategies
      .command(name)
      .description(description)
      .argument('<id>', 'the strategy')
      .action(
        run(async ({ api }, id) => {
          const answer = await api.invoke(channel, { id: String(id) });
          return answer.ok ? output(answer.value, formatStrategies([answer.value], await gridsOf(api, [answer.value.contractId]))) : answer;
        }),
      );
  }

  for (const [name, flatten] of [
    ['stop', false],
    ['flatten', true],
  ] as const) {
    strategies
      .command(name)
      .description(
        flatten ? 'stop, cancel its orders and close its position' : 'stop; its working entries are cancelled, its position and protective orders stay',
      )
      .argument('<id>', 'the strategy')
      .action(
        run(async ({ api }, id) => {
          const answer = await api.invoke('strategies.stop', { id: String(id), flatten });
          return answer.ok ? output(answer.value, formatStrategies([answer.value], await gridsOf(api, [answer.value.contractId]))) : answer;
        }),
      );
  }

  strategies
    .command('params')
    .description('change parameters from a JSON file: live ones apply at once, the others on the next start')
    .argument('<id>', 'the strategy')
    .argument('<file>', 'a JSON file, e.g. {"contracts": 2, "stopAtr": 1.5}')
    .action(
      run(async ({ api }, id, file) => {
        const parameters = await readJsonObject(String(file));
        if (!parameters.ok) return parameters;
        const answer = await api.invoke('strategies.parameters', { id: String(id), parameters: parameterValues(parameters.value) });
        if (!answer.ok) return answer;
        const { applied, pending } = answer.value;
        return output(answer.value, `applied: ${applied.join(', ') || 'none'}${pending.length === 0 ? '' : `\non the next start: ${pending.join(', ')}`}`);
      }),
    );

  strategies
    .command('log')
    .description("a strategy's decision log, oldest first")
    .argument('<id>', 'the strategy')
    .option('--limit <n>', 'lines', positiveInteger, 50)
    .action(
      run(async ({ api }, id, options) => {
        const answer = await api.invoke('strategies.log', { id: String(id), limit: (options as { limit: number }).limit });
        return answer.ok
          ? output(
              answer.value,
              answer.value.map((entry) => `${new Date(entry.at).toISOString()}  ${entry.level.padEnd(8)} ${entry.message}`).join('\n') || '(empty)',
            )
          : answer;
      }),
    );

  strategies
    .command('remove')
    .description('remove a stopped strategy (its trades stay in the journal)')
    .argument('<id>', 'the strategy')
    .action(
      run(async ({ api }, id) => {
        const answer = await api.invoke('strategies.remove', { id: String(id) });
        return answer.ok ? output(answer.value, `removed ${answer.value.id}`) : answer;
      }),
    );

  backtestCommand(program, run, streams);

  program
    .command('journal')
    .description('round trips of the account: entry, exit, size, P&L in ticks and dollars, duration, who opened and who closed each')
    .option('--from <iso>', 'from (default: 30 days back)', isoTime)
    .option('--to <iso>', 'to (default: now)', isoTime)
    .option('--strategy <id>', "one strategy's trades (or manual)")
    .option('--limit <n>', 'rows', positiveInteger, 200)
    .action(
      run(async ({ api, accountId }, options) => {
        const { from, to, strategy, limit } = options as { from?: number; to?: number; strategy?: string; limit: number };
        const answer = await api.invoke('journal.list', {
          accountId,
          limit,
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
          ...(strategy === undefined ? {} : { strategyId: strategy }),
        });
        return answer.ok
          ? output(
              answer.value,
              formatJournal(
                answer.value,
                await gridsOf(
                  api,
                  answer.value.trades.map((trip) => trip.contractId),
                ),
              ),
            )
          : answer;
      }),
    );

  program
    .command('stats')
    .description("the account's trade statistics by day, hour, contract and strategy")
    .option('--from <iso>', 'from (default: 30 days back)', isoTime)
    .option('--to <iso>', 'to (default: now)', isoTime)
    .action(
      run(async ({ api, accountId }, options) => {
        const { from, to } = options as { from?: number; to?: number };
        const answer = await api.invoke('journal.stats', { accountId, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
        return answer.ok ? output(answer.value, formatStats(answer.value)) : answer;
      }),
    );
}
