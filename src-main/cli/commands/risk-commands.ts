import { readFile } from 'node:fs/promises';
import { riskPresets, type RiskPreset } from '../../../src-shared/domain/risk-config';
import { floorModes, programKinds, programSizes, type FloorMode, type ProgramKind, type ProgramSize } from '../../../src-shared/programs';
import { fail } from '../../../src-shared/result';
import { output, positiveInteger, type CommandGroup } from '../command-kit';
import { formatProgram, formatRiskAudit, formatRiskConfig, formatRiskState } from './risk-format';

async function readJsonFile(path: string): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; message: string }> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: `${path} does not hold a JSON object` };
    return { ok: true, value: parsed as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** risk, risk config, risk set, risk preset, risk lock-in, risk lock-day, risk audit, risk export, risk import. */
export const riskCommands: CommandGroup = (program, run) => {
  const risk = program
    .command('risk')
    .description('the risk panel: every rule against its limit, locks, breaches, heartbeat (subcommands below)')
    .action(
      run(async ({ api, accountId }) => {
        const answer = await api.invoke('risk.state', { accountId });
        return answer.ok ? output(answer.value, formatRiskState(answer.value)) : answer;
      }),
    );

  risk
    .command('config')
    .description("the account's risk configuration (JSON, dollars)")
    .action(
      run(async ({ api, accountId }) => {
        const answer = await api.invoke('risk.config.get', { accountId });
        return answer.ok ? output(answer.value, formatRiskConfig(answer.value, Date.now())) : answer;
      }),
    );

  risk
    .command('set')
    .description('merge a partial configuration from a JSON file (validated; the error names the field)')
    .argument('<file>', 'a JSON file, e.g. {"dailyRealizedLoss": {"limit": 600}}')
    .action(
      run(async ({ api, accountId }, file) => {
        const json = await readJsonFile(String(file));
        if (!json.ok) return fail('invalid-request', json.message, 'file');
        const answer = await api.invoke('risk.config.set', { accountId, config: json.value });
        return answer.ok ? output(answer.value, formatRiskConfig(answer.value, Date.now())) : answer;
      }),
    );

  risk
    .command('preset')
    .description(`apply a preset of personal rules (${riskPresets.join(', ')}; discipline: the discipline rules in one click)`)
    .argument('<name>', riskPresets.join(' | '))
    .action(
      run(async ({ api, accountId }, name) => {
        const preset = String(name).toLowerCase();
        if (!(riskPresets as readonly string[]).includes(preset))
          return fail('invalid-request', `unknown preset '${String(name)}': use ${riskPresets.join(', ')}`, 'preset');
        const answer = await api.invoke('risk.presets.apply', { accountId, preset: preset as RiskPreset });
        return answer.ok ? output(answer.value, `applied the ${preset} preset\n${formatRiskConfig(answer.value, Date.now())}`) : answer;
      }),
    );

  risk
    .command('program')
    .description(
      `set the account's Topstep program and size (${programKinds.join(', ')}; auto: detect it from the account's name or balance) and/or how its maximum loss floor trails (--floor)`,
    )
    .argument('[program]', `${programKinds.join(' | ')} | auto`)
    .argument('[size]', programSizes.join(' | '))
    .option('--floor <mode>', `what the maximum loss floor trails: ${floorModes.join(' | ')} (end of day, the default, or the highest intraday equity)`)
    .action(
      run(async ({ api, accountId }, name, sizeName, options) => {
        const { floor } = (options ?? {}) as { floor?: string };
        const mode = floor === undefined ? undefined : floor.toLowerCase();
        if (mode !== undefined && !(floorModes as readonly string[]).includes(mode))
          return fail('invalid-request', `unknown floor mode '${String(floor)}': use ${floorModes.join(' or ')}`, 'floor');
        if (name === undefined && mode === undefined)
          return fail('invalid-request', `give the program (${programKinds.join(', ')} or auto), --floor ${floorModes.join('|')}, or both`, 'program');
        const kind = name === undefined ? undefined : String(name).toLowerCase();
        if (kind !== undefined && kind !== 'auto' && !(programKinds as readonly string[]).includes(kind))
          return fail('invalid-request', `unknown program '${String(name)}': use ${programKinds.join(', ')} or auto`, 'program');
        const size = sizeName === undefined ? null : String(sizeName).toUpperCase();
        if (size !== null && !(programSizes as readonly string[]).includes(size))
          return fail('invalid-request', `unknown size '${String(sizeName)}': use ${programSizes.join(', ')}`, 'size');
        const answer = await api.invoke('risk.program.set', {
          accountId,
          ...(kind === undefined ? {} : { program: kind === 'auto' ? null : (kind as ProgramKind) }),
          size: size as ProgramSize | null,
          ...(mode === undefined ? {} : { floor: mode as FloorMode }),
        });
        if (!answer.ok) return answer;
        const state = await api.invoke('risk.state', { accountId });
        return state.ok ? output(answer.value, formatProgram(state.value).join('\n')) : state;
      }),
    );

  risk
    .command('lock-in')
    .description('lock the configuration until the next day roll: limits may then only be made stricter')
    .action(
      run(async ({ api, accountId }) => {
        const answer = await api.invoke('risk.lockIn', { accountId });
        return answer.ok ? output(answer.value, formatRiskConfig(answer.value, Date.now())) : answer;
      }),
    );

  risk
    .command('lock-day')
    .description('lock trading on the account until the next day roll (a hard lock: it cannot be lifted before then)')
    .action(
      run(async ({ api, accountId }) => {
        const answer = await api.invoke('risk.lockForDay', { accountId });
        if (!answer.ok) return answer;
        const lock = answer.value.effectiveLock;
        const headline = lock === null ? 'no lock is in force' : lock.denial;
        return output(answer.value, `${headline}\n\n${formatRiskState(answer.value)}`);
      }),
    );

  risk
    .command('audit')
    .description("the risk manager's audit log, newest first")
    .option('--limit <n>', 'rows', positiveInteger, 50)
    .option('--before <id>', 'rows older than this id (the cursor the previous page printed)', positiveInteger)
    .option('--all-accounts', 'every account, not just the selected one')
    .action(
      run(async ({ api, accountId }, options) => {
        const { limit, before, allAccounts } = options as { limit: number; before?: number; allAccounts?: boolean };
        const answer = await api.invoke('risk.audit', { ...(allAccounts === true ? {} : { accountId }), limit, ...(before === undefined ? {} : { before }) });
        return answer.ok ? output(answer.value, formatRiskAudit(answer.value)) : answer;
      }),
    );

  risk
    .command('export')
    .description('print the configuration as an importable JSON document')
    .action(
      run(async ({ api, accountId }) => {
        const answer = await api.invoke('risk.config.export', { accountId });
        return answer.ok ? output(answer.value, JSON.stringify(answer.value.config, null, 2)) : answer;
      }),
    );

  risk
    .command('import')
    .description('replace the configuration with a JSON document (missing fields take the defaults)')
    .argument('<file>', 'a JSON file written by risk export')
    .action(
      run(async ({ api, accountId }, file) => {
        const json = await readJsonFile(String(file));
        if (!json.ok) return fail('invalid-request', json.message, 'file');
        // An export wraps the configuration; a bare configuration works too.
        const document = typeof json.value.config === 'object' && json.value.config !== null ? (json.value.config as Record<string, unknown>) : json.value;
        const answer = await api.invoke('risk.config.import', { accountId, config: document });
        return answer.ok ? output(answer.value, formatRiskConfig(answer.value, Date.now())) : answer;
      }),
    );
};
