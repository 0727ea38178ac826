import type { StrategyParameters, StrategyParameterSpec, StrategyParameterValue } from '../../../src-shared/domain/strategies';
import { fail, ok, type Result } from '../../../src-shared/result';

/** What every parameter declares. */
interface ParameterBase {
  readonly label: string;
  readonly description: string;
  /** True when a running strategy may take a change at once (sizes, thresholds); false when it waits for a restart (series, windows). */
  readonly live: boolean;
  readonly unit?: string;
}

/** A whole number within bounds. */
export interface IntegerParameter extends ParameterBase {
  readonly type: 'integer';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** A decimal number within bounds. */
export interface NumberParameter extends ParameterBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** A switch. */
export interface BooleanParameter extends ParameterBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** One of a fixed set of words. */
export interface ChoiceParameter<Option extends string = string> extends ParameterBase {
  readonly type: 'choice';
  readonly options: readonly Option[];
  readonly default: Option;
}

/** An exchange (America/Chicago) time of day, `HH:MM`. */
export interface TimeParameter extends ParameterBase {
  readonly type: 'time';
  readonly default: string;
}

/** Any parameter. */
export type Parameter = IntegerParameter | NumberParameter | BooleanParameter | ChoiceParameter | TimeParameter;

/** A strategy's parameters by key. */
export type ParameterSchema = Readonly<Record<string, Parameter>>;

/** The typed values a schema describes. */
export type ParameterValues<Schema extends ParameterSchema> = {
  readonly [Key in keyof Schema]: Schema[Key] extends ChoiceParameter<infer Option>
    ? Option
    : Schema[Key] extends BooleanParameter
      ? boolean
      : Schema[Key] extends TimeParameter
        ? string
        : number;
};

/** Declares a whole-number parameter. */
export function integer(spec: Omit<IntegerParameter, 'type'>): IntegerParameter {
  return { type: 'integer', ...spec };
}

/** Declares a decimal parameter. */
export function decimal(spec: Omit<NumberParameter, 'type'>): NumberParameter {
  return { type: 'number', ...spec };
}

/** Declares a switch. */
export function toggle(spec: Omit<BooleanParameter, 'type'>): BooleanParameter {
  return { type: 'boolean', ...spec };
}

/** Declares a choice. */
export function choice<const Option extends string>(spec: Omit<ChoiceParameter<Option>, 'type'>): ChoiceParameter<Option> {
  return { type: 'choice', ...spec };
}

/** Declares an exchange time of day. */
export function timeOfDay(spec: Omit<TimeParameter, 'type'>): TimeParameter {
  return { type: 'time', ...spec };
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

const parsedTimes = new Map<string, number>();

/** Minutes after midnight of an `HH:MM` time (strategies ask on every bar, so answers are remembered). */
export function minutesOfTime(value: string): number {
  const known = parsedTimes.get(value);
  if (known !== undefined) return known;
  const match = timePattern.exec(value);
  if (match === null) throw new RangeError(`not an HH:MM time: ${value}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  // Only valid times get here, so the map holds at most 1,440 entries.
  parsedTimes.set(value, minutes);
  return minutes;
}

/** The defaults of a schema. */
export function defaultParameters(schema: ParameterSchema): StrategyParameters {
  return Object.fromEntries(Object.entries(schema).map(([key, parameter]) => [key, parameter.default]));
}

function check(key: string, parameter: Parameter, value: unknown): Result<StrategyParameterValue> {
  switch (parameter.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('invalid-request', `parameter ${key} must be a number`, key);
      if (parameter.type === 'integer' && !Number.isInteger(value)) return fail('invalid-request', `parameter ${key} must be a whole number`, key);
      if (value < parameter.min || value > parameter.max)
        return fail('invalid-request', `parameter ${key} must be between ${parameter.min} and ${parameter.max}`, key);
      return ok(value);
    }
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail('invalid-request', `parameter ${key} must be true or false`, key);
    case 'choice':
      return typeof value === 'string' && parameter.options.includes(value)
        ? ok(value)
        : fail('invalid-request', `parameter ${key} must be one of ${parameter.options.join(', ')}`, key);
    case 'time':
      return typeof value === 'string' && timePattern.test(value) ? ok(value) : fail('invalid-request', `parameter ${key} must be an HH:MM exchange time`, key);
  }
}

/**
 * Validates a partial change over a base (the defaults, or the current values): every key must be
 * a parameter and every value in its bounds; the error names the field.
 */
export function mergeParameters(schema: ParameterSchema, base: StrategyParameters, change: unknown): Result<StrategyParameters> {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return fail('invalid-request', 'parameters must be a JSON object', 'parameters');
  const merged: Record<string, StrategyParameterValue> = { ...defaultParameters(schema), ...base };
  for (const [key, value] of Object.entries(change)) {
    const parameter = schema[key];
    if (parameter === undefined) return fail('invalid-request', `unknown parameter ${key} (known: ${Object.keys(schema).join(', ')})`, key);
    const checked = check(key, parameter, value);
    if (!checked.ok) return checked;
    merged[key] = checked.value;
  }
  return ok(merged);
}

/** The keys whose values differ. */
export function changedKeys(before: StrategyParameters, after: StrategyParameters): string[] {
  return Object.keys(after).filter((key) => before[key] !== after[key]);
}

/** The schema as the editor shows it. */
export function parameterSpecs(schema: ParameterSchema): StrategyParameterSpec[] {
  return Object.entries(schema).map(([key, parameter]) => {
    const common = {
      key,
      label: parameter.label,
      description: parameter.description,
      type: parameter.type,
      default: parameter.default,
      live: parameter.live,
      ...(parameter.unit === undefined ? {} : { unit: parameter.unit }),
    };
    if (parameter.type === 'integer' || parameter.type === 'number') return { ...common, min: parameter.min, max: parameter.max };
    if (parameter.type === 'choice') return { ...common, options: parameter.options };
    return common;
  });
}
