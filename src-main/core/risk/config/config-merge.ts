import type { z } from 'zod';
import { defaultRiskConfig, riskConfigSchema, type RiskConfigJson } from '../../../../src-shared/domain/risk-config';
import { fail, ok, type Result } from '../../../../src-shared/result';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges a partial JSON object over a base: objects merge key by key, arrays and values
 * replace, and `null` removes a key (how a symbol leaves `maxContractsPerInstrument.limits`).
 */
export function mergeJson(base: unknown, partial: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(partial)) return partial;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(partial)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeJson(base[key], value);
  }
  return merged;
}

/** The first schema issue as `field: reason`, naming the field by its dotted path. */
export function describeConfigIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: 'config', message: 'config: is not valid' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const field = [...path, issue.keys[0] ?? ''].join('.');
    return { field, message: `${field}: is not a setting` };
  }
  const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  const field = path.length > 0 ? path.join('.') : 'config';
  return { field, message: `${field}: ${nested ?? issue.message}` };
}

/** Validates a full configuration; the error names the field. */
export function validateConfig(candidate: unknown): Result<RiskConfigJson> {
  const parsed = riskConfigSchema.safeParse(candidate);
  if (parsed.success) return ok(parsed.data);
  const { field, message } = describeConfigIssue(parsed.error);
  return fail('invalid-request', `risk config ${message}`, field);
}

/** Merges a partial configuration over the current one and validates the result. */
export function mergeConfig(current: RiskConfigJson, partial: unknown): Result<RiskConfigJson> {
  if (!isPlainObject(partial)) return fail('invalid-request', 'risk config must be a JSON object', 'config');
  return validateConfig(mergeJson(current, partial));
}

/** Reads an imported (or stored) document: merged over the defaults, so older exports still load. */
export function importConfig(document: unknown): Result<RiskConfigJson> {
  return mergeConfig(defaultRiskConfig, document);
}
