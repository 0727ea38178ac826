import { bracketTemplateSchema, type BracketTemplate } from '../../../../src-shared/domain/brackets';

/** A template as the form edits it: numbers kept as typed, sections switched on and off. */
export interface BracketDraft {
  readonly name: string;
  readonly stopEnabled: boolean;
  readonly stopTicks: string;
  readonly stopType: 'stop-market' | 'stop-limit';
  readonly limitOffsetTicks: string;
  readonly targets: readonly { readonly ticks: string; readonly size: string }[];
  readonly breakEvenEnabled: boolean;
  readonly breakEvenTriggerTicks: string;
  readonly breakEvenOffsetTicks: string;
  readonly trailingEnabled: boolean;
  readonly trailingTriggerTicks: string;
  readonly trailingDistanceTicks: string;
  readonly trailingStepTicks: string;
}

/** One problem of a draft: the field as the trader sees it, and what is wrong with it. */
export interface DraftProblem {
  /** A key of the form's control, e.g. `stopTicks` or `targets.1.size`. */
  readonly key: string;
  readonly text: string;
}

/** The form's copy of a template. */
export function draftOf(template: BracketTemplate): BracketDraft {
  return {
    name: template.name,
    stopEnabled: template.stop !== null,
    stopTicks: String(template.stop?.ticks ?? 8),
    stopType: template.stop?.type ?? 'stop-market',
    limitOffsetTicks: String(template.stop?.limitOffsetTicks ?? 0),
    targets: template.targets.map((target) => ({ ticks: String(target.ticks), size: String(target.size) })),
    breakEvenEnabled: template.breakEven.enabled,
    breakEvenTriggerTicks: String(template.breakEven.triggerTicks),
    breakEvenOffsetTicks: String(template.breakEven.offsetTicks),
    trailingEnabled: template.trailing.enabled,
    trailingTriggerTicks: String(template.trailing.triggerTicks),
    trailingDistanceTicks: String(template.trailing.distanceTicks),
    trailingStepTicks: String(template.trailing.stepTicks),
  };
}

/** A new template's draft: an 8-tick stop and one 16-tick target. */
export function newDraft(name: string): BracketDraft {
  return draftOf(bracketTemplateSchema.parse({ name, stop: { ticks: 8 }, targets: [{ ticks: 16, size: 1 }] }));
}

/** A name not taken yet: `base`, else `base 2`, `base 3`… */
export function freeName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const trimmed = base.slice(0, 36);
  if (!used.has(trimmed.toLowerCase())) return trimmed;
  for (let index = 2; ; index += 1) if (!used.has(`${trimmed} ${index}`.toLowerCase())) return `${trimmed} ${index}`;
}

/** Every field of the form, by key: its name and unit as the trader reads them. */
export function fieldLabel(key: string): { label: string; unit: string } {
  const target = /^targets\.(\d+)\.(ticks|size)$/.exec(key);
  if (target !== null)
    return target[2] === 'ticks'
      ? { label: `Target ${Number(target[1]) + 1} distance`, unit: 'ticks' }
      : { label: `Target ${Number(target[1]) + 1} size`, unit: 'contracts' };
  const labels: Record<string, { label: string; unit: string }> = {
    name: { label: 'Name', unit: '' },
    stop: { label: 'Stop', unit: '' },
    stopTicks: { label: 'Stop distance', unit: 'ticks' },
    stopType: { label: 'Stop type', unit: '' },
    limitOffsetTicks: { label: 'Stop-limit offset', unit: 'ticks' },
    targets: { label: 'Targets', unit: '' },
    breakEvenTriggerTicks: { label: 'Break-even trigger', unit: 'ticks' },
    breakEvenOffsetTicks: { label: 'Break-even offset', unit: 'ticks' },
    trailingTriggerTicks: { label: 'Trail trigger', unit: 'ticks' },
    trailingDistanceTicks: { label: 'Trail distance', unit: 'ticks' },
    trailingStepTicks: { label: 'Trail step', unit: 'ticks' },
  };
  return labels[key] ?? { label: key, unit: '' };
}

/** The form key of a path in the template (`stop.ticks` → `stopTicks`), from a validation issue or the core's error. */
export function keyOfPath(path: readonly (string | number)[]): string {
  const parts = path[0] === 'template' ? path.slice(1) : path;
  const [head, second, third] = parts;
  if (head === 'stop') return second === 'ticks' ? 'stopTicks' : second === 'limitOffsetTicks' ? 'limitOffsetTicks' : second === 'type' ? 'stopType' : 'stop';
  if (head === 'targets') return second === undefined ? 'targets' : `targets.${String(second)}.${String(third ?? 'ticks')}`;
  if (head === 'breakEven') return second === 'offsetTicks' ? 'breakEvenOffsetTicks' : 'breakEvenTriggerTicks';
  if (head === 'trailing') return second === 'distanceTicks' ? 'trailingDistanceTicks' : second === 'stepTicks' ? 'trailingStepTicks' : 'trailingTriggerTicks';
  return head === undefined ? 'name' : String(head);
}

function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

function problemText(issue: Issue, key: string): string {
  const { unit } = fieldLabel(key);
  const units = unit === '' ? '' : ` ${unit}`;
  const amount = (value: unknown) => `${String(value)}${value === 1 ? units.replace(/s$/, '') : units}`;
  if (key === 'name') {
    if (issue.code === 'too_small') return 'give the template a name';
    if (issue.code === 'too_big') return `keep the name to ${String(issue.maximum)} characters`;
    return issue.message.replace(/^"none"/, '"None"');
  }
  if (issue.code === 'invalid_type') return `enter a whole number of${units || ' ticks'}`;
  if (issue.code === 'too_small') return `must be at least ${amount(issue.minimum)}`;
  if (issue.code === 'too_big') return key === 'targets' ? `at most ${String(issue.maximum)} targets` : `must be at most ${amount(issue.maximum)}`;
  if (issue.message === 'a template needs a stop or at least one target') return 'A template needs a stop or at least one target';
  return issue.message.replace(/ticks\)$/, 'ticks away)');
}

/**
 * The template a draft stands for, checked by the same rules as the core, or its problems, each
 * named after the field the trader fixes ("Target 2 distance: must be farther than target 1").
 */
export function templateOfDraft(draft: BracketDraft): { ok: true; template: BracketTemplate } | { ok: false; problems: DraftProblem[] } {
  const candidate = {
    name: draft.name,
    stop: draft.stopEnabled
      ? {
          ticks: wholeNumber(draft.stopTicks),
          type: draft.stopType,
          limitOffsetTicks: draft.stopType === 'stop-limit' ? wholeNumber(draft.limitOffsetTicks) : 0,
        }
      : null,
    targets: draft.targets.map((target) => ({ ticks: wholeNumber(target.ticks), size: wholeNumber(target.size) })),
    breakEven: draft.breakEvenEnabled
      ? { enabled: true, triggerTicks: wholeNumber(draft.breakEvenTriggerTicks), offsetTicks: wholeNumber(draft.breakEvenOffsetTicks) }
      : { enabled: false, triggerTicks: wholeNumber(draft.breakEvenTriggerTicks) || 10, offsetTicks: wholeNumber(draft.breakEvenOffsetTicks) || 0 },
    trailing: draft.trailingEnabled
      ? {
          enabled: true,
          triggerTicks: wholeNumber(draft.trailingTriggerTicks),
          distanceTicks: wholeNumber(draft.trailingDistanceTicks),
          stepTicks: wholeNumber(draft.trailingStepTicks),
        }
      : {
          enabled: false,
          triggerTicks: wholeNumber(draft.trailingTriggerTicks) || 20,
          distanceTicks: wholeNumber(draft.trailingDistanceTicks) || 10,
          stepTicks: wholeNumber(draft.trailingStepTicks) || 1,
        },
  };
  const parsed = bracketTemplateSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, template: parsed.data };
  const problems: DraftProblem[] = [];
  // The order of the targets is checked only once every field reads; say it at once.
  candidate.targets.forEach((target, index) => {
    const previous = candidate.targets[index - 1];
    if (previous !== undefined && Number.isFinite(previous.ticks) && Number.isFinite(target.ticks) && target.ticks <= previous.ticks) {
      problems.push({ key: `targets.${index}.ticks`, text: `must be farther than target ${index} (${previous.ticks} ticks away)` });
    }
  });
  for (const issue of parsed.error.issues as readonly Issue[]) {
    const key = keyOfPath(issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)));
    if (problems.some((problem) => problem.key === key)) continue;
    problems.push({ key, text: problemText(issue, key) });
  }
  const order = (key: string) =>
    ['name', 'stop', 'stopTicks', 'stopType', 'limitOffsetTicks', 'targets'].indexOf(key.replace(/^targets\..*/, 'targets')) + 1 || 99;
  return {
    ok: false,
    problems: [...problems].sort((a, b) => order(a.key) - order(b.key) || a.key.replace('.ticks', '.0').localeCompare(b.key.replace('.ticks', '.0'))),
  };
}

/** A problem as one line: `Target 2 distance: must be farther than target 1 (12 ticks away)`. */
export function problemLine(problem: DraftProblem): string {
  if (problem.key === 'stop') return problem.text;
  return `${fieldLabel(problem.key).label}: ${problem.text}`;
}

/** The core's refusal of a template in the same words: its field path becomes the form's label. */
export function refusalLine(field: string | undefined, message: string): string {
  if (field === undefined) return message;
  const key = keyOfPath(field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
  const text = message
    .replace(/^[\w.]+: /, '')
    .replace(field, '')
    .trim();
  return `${fieldLabel(key).label}: ${text}`;
}
