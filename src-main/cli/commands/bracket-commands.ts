import type { Command } from 'commander';
import type { BracketTemplateInput } from '../../../src-shared/domain/brackets';
import { fail } from '../../../src-shared/result';
import type { TerminalApi } from '../../../src-shared/terminal-api';
import { output, readJsonObject, type CommandRunner } from '../command-kit';
import { describeMissingStop, formatBracketList, formatDefaults, formatTemplates } from './bracket-format';

/** Account names by id, for display; empty when the terminal cannot list them. */
async function accountNames(api: TerminalApi): Promise<(accountId: number) => string | undefined> {
  const answer = await api.invoke('accounts.list', {});
  const names = new Map(answer.ok ? answer.value.map((summary) => [summary.account.id, summary.account.name] as const) : []);
  return (accountId) => names.get(accountId);
}

/** brackets (list), brackets set, remove, default, missing-stop. */
export function bracketCommands(program: Command, run: CommandRunner): void {
  const brackets = program
    .command('brackets')
    .description('bracket templates: stop, targets, break-even and trailing in ticks; defaults per account and root (subcommands below)')
    .action(run(async ({ api }) => list(api)));

  brackets
    .command('list')
    .description('every template, the defaults per account and root, and the missing-stop policy')
    .action(run(async ({ api }) => list(api)));

  brackets
    .command('set')
    .description('add a template, or replace the one of the same name, from a JSON file (validated; the error names the field)')
    .argument('<file>', 'a JSON file, e.g. {"name": "Two targets", "stop": {"ticks": 8}, "targets": [{"ticks": 8, "size": 1}, {"ticks": 16, "size": 1}]}')
    .action(
      run(async ({ api }, file) => {
        const template = await readJsonObject(String(file));
        if (!template.ok) return template;
        // The contract's schema validates every field; its error names the one at fault.
        const answer = await api.invoke('brackets.set', { template: template.value as unknown as BracketTemplateInput });
        return answer.ok ? output(answer.value, `saved template ${answer.value.name}\n${formatTemplates([answer.value])}`) : answer;
      }),
    );

  brackets
    .command('remove')
    .description('remove a template')
    .argument('<name>', 'the template')
    .action(
      run(async ({ api }, name) => {
        const answer = await api.invoke('brackets.remove', { name: String(name) });
        return answer.ok ? output(answer.value, `removed template ${answer.value.name}`) : answer;
      }),
    );

  brackets
    .command('default')
    .description("the account's default template for every contract, or one root with --symbol; none = no protection; --clear removes the default")
    .argument('[template]', 'a template name, or none')
    .option('--symbol <root>', 'a root such as ES (default: every contract)')
    .option('--clear', 'remove the default instead of setting it')
    .action(
      run(async ({ api, accountId }, name, options) => {
        const { symbol, clear } = options as { symbol?: string; clear?: boolean };
        if (clear !== true && name === undefined) return fail('invalid-request', 'give a template name, none, or --clear', 'template');
        if (clear === true && name !== undefined) return fail('invalid-request', '--clear takes no template name', 'template');
        const template = name === undefined || String(name).toLowerCase() === 'none' ? null : String(name);
        const answer = await api.invoke('brackets.default', { accountId, template, clear: clear === true, ...(symbol === undefined ? {} : { symbol }) });
        if (!answer.ok) return answer;
        const names = await accountNames(api);
        const scope = symbol === undefined ? 'every contract' : symbol.toUpperCase();
        const headline = clear === true ? `cleared the default for ${scope}` : `default for ${scope}: ${template ?? 'none'}`;
        return output(answer.value, `${headline}\n${formatDefaults(answer.value, names)}`);
      }),
    );

  brackets
    .command('missing-stop')
    .description("what reconciliation does about a position without a stop: place its template's stop, or alarm only")
    .argument('[policy]', 'place | alarm (default: print the current one)')
    .action(
      run(async ({ api }, policy) => {
        if (policy !== undefined && policy !== 'place' && policy !== 'alarm')
          return fail('invalid-request', `unknown policy '${String(policy)}': use place or alarm`, 'policy');
        const answer = await api.invoke('brackets.options', policy === undefined ? {} : { missingStop: policy });
        return answer.ok ? output(answer.value, `missing stop: ${describeMissingStop(answer.value.missingStop)}`) : answer;
      }),
    );
}

async function list(api: TerminalApi) {
  const answer = await api.invoke('brackets.list', {});
  if (!answer.ok) return answer;
  return output(answer.value, formatBracketList(answer.value, await accountNames(api)));
}
