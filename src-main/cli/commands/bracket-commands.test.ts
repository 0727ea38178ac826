import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOverFakeBroker } from '../testing/cli-rig';
import { bracketCommands } from './bracket-commands';

function jsonFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'brackets-cli-')), 'template.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const twoTargets = {
  name: 'Two targets',
  stop: { ticks: 10, type: 'stop-limit', limitOffsetTicks: 2 },
  targets: [
    { ticks: 8, size: 1 },
    { ticks: 20, size: 1 },
  ],
  breakEven: { enabled: true, triggerTicks: 8, offsetTicks: 1 },
};

describe('bracket commands', () => {
  it('lists the templates with stop, targets, break-even and trailing, then the defaults and the missing-stop policy', async () => {
    const { run } = await cliOverFakeBroker(bracketCommands);

    const listed = await run('brackets', 'list');
    const bare = await run('brackets');

    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').slice(0, 4)).toEqual([
      'templates:',
      'name              stop             targets (ticks×size)  break-even (trigger to offset)  trailing (trigger, distance, step)',
      'Runner 2 targets  12t stop-market  12t×1, 32t×1          at +12t to +1t                  from +20t, 10t behind, step 2t',
      'Scalp 8/16        8t stop-market   16t×1                 off                             off',
    ]);
    expect(listed.stdout).toContain('defaults:\n(none: positions get no protection unless an order names a template)');
    expect(listed.stdout).toContain("missing stop: place: a position found without a stop (at start, reconnect or wake) gets its template's stop");
    expect(bare.stdout).toBe(listed.stdout);
  });

  it('saves a template from a file, and lists it as JSON', async () => {
    const { run } = await cliOverFakeBroker(bracketCommands);

    const saved = await run('brackets', 'set', jsonFile(twoTargets));
    const listed = await run('--json', 'brackets', 'list');

    expect(saved).toMatchObject({ code: 0, stderr: '' });
    expect(saved.stdout).toContain('saved template Two targets\n');
    expect(saved.stdout).toContain('Two targets  10t stop-limit, limit 2t beyond  8t×1, 20t×1');
    const catalog = JSON.parse(listed.stdout) as { templates: { name: string }[]; defaults: unknown[]; missingStop: string };
    expect(catalog.templates.find((template) => template.name === 'Two targets')).toEqual({
      ...twoTargets,
      trailing: { enabled: false, triggerTicks: 20, distanceTicks: 10, stepTicks: 1 },
    });
    expect(catalog).toMatchObject({ defaults: [], missingStop: 'place' });
  });

  it('refuses an invalid template naming the field, and a file that is not JSON, exiting non-zero', async () => {
    const { run } = await cliOverFakeBroker(bracketCommands);

    const closer = await run(
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
    const zero = await run('brackets', 'set', jsonFile({ name: 'Bad', stop: { ticks: 0 } }));
    const unknown = await run('brackets', 'set', jsonFile({ name: 'Bad', stop: { ticks: 8 }, trail: {} }));
    const broken = await run('brackets', 'set', jsonFile('{"name": '));

    expect(closer).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error invalid-request: brackets.set: template.targets.1.ticks target 2 must be farther than target 1 (16 ticks)\n',
    });
    expect(zero.stderr).toMatch(/^error invalid-request: brackets\.set: template\.stop\.ticks /);
    expect(unknown.stderr).toBe('error invalid-request: brackets.set: template.trail is not a field of this request\n');
    expect(broken).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error invalid-request: cannot read .*template\.json/) as string });
  });

  it('sets, shows and clears the defaults per account and root, and removes a template', async () => {
    const { run } = await cliOverFakeBroker(bracketCommands);

    const all = await run('brackets', 'default', 'Scalp 8/16');
    const es = await run('brackets', 'default', 'none', '--symbol', 'es');
    const listed = await run('brackets', 'list');
    const cleared = await run('--json', 'brackets', 'default', '--clear', '--symbol', 'ES');
    const neither = await run('brackets', 'default');
    const removed = await run('brackets', 'remove', 'Runner 2 targets');
    const missing = await run('brackets', 'remove', 'Runner 2 targets');

    expect(all.stdout.split('\n')).toEqual([
      'default for every contract: Scalp 8/16',
      'account           contract        template',
      '50KTC-V2-1 (101)  every contract  Scalp 8/16',
      '',
    ]);
    expect(es.stdout).toContain('default for ES: none\n');
    expect(listed.stdout).toContain('50KTC-V2-1 (101)  ES              none');
    expect(JSON.parse(cleared.stdout)).toEqual([{ accountId: 101, symbol: null, template: 'Scalp 8/16' }]);
    expect(neither).toMatchObject({ code: 1, stderr: 'error invalid-request: give a template name, none, or --clear\n' });
    expect(removed.stdout).toBe('removed template Runner 2 targets\n');
    expect(missing.code).toBe(1);
  });

  it('reads and sets the missing-stop policy', async () => {
    const { run } = await cliOverFakeBroker(bracketCommands);

    const set = await run('brackets', 'missing-stop', 'alarm');
    const read = await run('--json', 'brackets', 'missing-stop');
    const bad = await run('brackets', 'missing-stop', 'maybe');

    expect(set.stdout).toBe('missing stop: alarm: a position found without a stop raises an alarm only\n');
    expect(JSON.parse(read.stdout)).toEqual({ missingStop: 'alarm' });
    expect(bad).toMatchObject({ code: 1, stderr: "error invalid-request: unknown policy 'maybe': use place or alarm\n" });
  });
});
