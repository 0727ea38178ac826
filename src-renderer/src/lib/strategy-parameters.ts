import type { StrategyParameterSpec, StrategyParameters, StrategyParameterValue } from '../../../src-shared/domain/strategies';

/** What the trader typed for each parameter: text for numbers and times, a switch for booleans. */
export type ParameterDrafts = Readonly<Record<string, string | boolean>>;

/** A parameter's draft read as a value, or why it cannot be used. */
export type ParsedParameter = { readonly ok: true; readonly value: StrategyParameterValue } | { readonly ok: false; readonly reason: string };

/** The default value of every parameter of a kind. */
export function defaultParameters(specs: readonly StrategyParameterSpec[]): StrategyParameters {
  return Object.fromEntries(specs.map((spec) => [spec.key, spec.default]));
}

/** The draft a value is edited as. */
export function draftOf(value: StrategyParameterValue | undefined): string | boolean {
  if (typeof value === 'boolean') return value;
  return value === undefined ? '' : String(value);
}

/** Reads one draft against its schema: whole numbers, bounds, known choices and `HH:MM` times. */
export function parseParameter(spec: StrategyParameterSpec, draft: string | boolean): ParsedParameter {
  if (spec.type === 'boolean') return typeof draft === 'boolean' ? { ok: true, value: draft } : { ok: false, reason: 'on or off' };
  const text = typeof draft === 'boolean' ? '' : draft.trim();
  if (spec.type === 'choice') {
    const options = spec.options ?? [];
    return options.includes(text) ? { ok: true, value: text } : { ok: false, reason: `one of ${options.join(', ')}` };
  }
  if (spec.type === 'time') {
    const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
    return match === null ? { ok: false, reason: 'a time as HH:MM' } : { ok: true, value: text };
  }
  if (text === '' || !Number.isFinite(Number(text))) return { ok: false, reason: 'a number' };
  const value = Number(text);
  if (spec.type === 'integer' && !Number.isInteger(value)) return { ok: false, reason: 'a whole number' };
  if (spec.min !== undefined && value < spec.min) return { ok: false, reason: `at least ${spec.min}` };
  if (spec.max !== undefined && value > spec.max) return { ok: false, reason: `at most ${spec.max}` };
  return { ok: true, value };
}

/** Every draft read against the schema: the values, and the reason per key that failed. */
export function parseParameters(
  specs: readonly StrategyParameterSpec[],
  base: StrategyParameters,
  drafts: ParameterDrafts,
): { values: Record<string, StrategyParameterValue>; errors: Record<string, string> } {
  const values: Record<string, StrategyParameterValue> = {};
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const draft = drafts[spec.key];
    if (draft === undefined) {
      values[spec.key] = base[spec.key] ?? spec.default;
      continue;
    }
    const parsed = parseParameter(spec, draft);
    if (parsed.ok) values[spec.key] = parsed.value;
    else errors[spec.key] = parsed.reason;
  }
  return { values, errors };
}

/** Only the parameters whose value differs from `current` (what `strategies.parameters` takes). */
export function changedParameters(current: StrategyParameters, next: StrategyParameters): Record<string, StrategyParameterValue> {
  const changed: Record<string, StrategyParameterValue> = {};
  for (const [key, value] of Object.entries(next)) if (current[key] !== value) changed[key] = value;
  return changed;
}

/** A value as shown in a table: `1.5 ×ATR`, `on`, `08:30`. */
export function formatParameter(spec: StrategyParameterSpec | undefined, value: StrategyParameterValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return spec?.unit === undefined ? String(value) : `${value} ${spec.unit}`;
}
