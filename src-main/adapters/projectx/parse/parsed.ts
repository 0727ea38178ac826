import type { z } from 'zod';

/** The outcome of turning one broker payload into a domain value; `reason` is for the log. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A successful parse. */
export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A refused payload, with why. */
export function refused<T = never>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** The first schema issue as one short line, e.g. `price: expected number`. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid payload';
  const path = issue.path.length === 0 ? 'payload' : issue.path.map(String).join('.');
  return `${path}: ${issue.message}`;
}

/** Runs a schema and converts its verdict. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  return result.success ? parsed(result.data) : refused(describeIssues(result.error));
}
