import type { BracketCatalogView, BracketDefault, BracketTemplate } from '../../../src-shared/domain/brackets';
import { table } from '../table';

/** What `brackets.list` answers. */
export type BracketList = BracketCatalogView & { readonly missingStop: 'place' | 'alarm' };

/** `8t stop-market`, `10t stop-limit, limit 2t beyond`, or `none`. */
function describeStop(template: BracketTemplate): string {
  const { stop } = template;
  if (stop === null) return 'none';
  return stop.type === 'stop-limit' ? `${stop.ticks}t stop-limit, limit ${stop.limitOffsetTicks}t beyond` : `${stop.ticks}t stop-market`;
}

/** `12t×1, 32t×1` (ticks from the entry × contracts), or `none`. */
function describeTargets(template: BracketTemplate): string {
  return template.targets.length === 0 ? 'none' : template.targets.map((target) => `${target.ticks}t×${target.size}`).join(', ');
}

/** `at +12t to +1t`, or `off`. */
function describeBreakEven(template: BracketTemplate): string {
  const { breakEven } = template;
  return breakEven.enabled ? `at +${breakEven.triggerTicks}t to +${breakEven.offsetTicks}t` : 'off';
}

/** `from +20t, 10t behind, step 2t`, or `off`. */
function describeTrailing(template: BracketTemplate): string {
  const { trailing } = template;
  return trailing.enabled ? `from +${trailing.triggerTicks}t, ${trailing.distanceTicks}t behind, step ${trailing.stepTicks}t` : 'off';
}

/** Templates as a table: name, stop, targets, break-even and trailing, every distance in ticks from the entry. */
export function formatTemplates(templates: readonly BracketTemplate[]): string {
  return table(
    ['name', 'stop', 'targets (ticks×size)', 'break-even (trigger to offset)', 'trailing (trigger, distance, step)'],
    templates.map((template) => [template.name, describeStop(template), describeTargets(template), describeBreakEven(template), describeTrailing(template)]),
  );
}

/** Defaults per account and root: which template a new position gets. */
export function formatDefaults(defaults: readonly BracketDefault[], accountName: (accountId: number) => string | undefined = () => undefined): string {
  if (defaults.length === 0) return '(none: positions get no protection unless an order names a template)';
  const sorted = [...defaults].sort((a, b) => a.accountId - b.accountId || (a.symbol ?? '').localeCompare(b.symbol ?? ''));
  return table(
    ['account', 'contract', 'template'],
    sorted.map((row) => {
      const name = accountName(row.accountId);
      return [name === undefined ? String(row.accountId) : `${name} (${row.accountId})`, row.symbol ?? 'every contract', row.template ?? 'none'];
    }),
  );
}

/** The missing-stop policy in words. */
export function describeMissingStop(policy: 'place' | 'alarm'): string {
  return policy === 'place'
    ? "place: a position found without a stop (at start, reconnect or wake) gets its template's stop"
    : 'alarm: a position found without a stop raises an alarm only';
}

/** The whole catalog: templates, defaults, missing-stop policy. */
export function formatBracketList(list: BracketList, accountName?: (accountId: number) => string | undefined): string {
  return [
    'templates:',
    formatTemplates(list.templates),
    '',
    'defaults:',
    formatDefaults(list.defaults, accountName),
    '',
    `missing stop: ${describeMissingStop(list.missingStop)}`,
  ].join('\n');
}
