import { readFileSync } from 'node:fs';

/**
 * Reads a payload sample from `fixtures/` (public ProjectX captures copied from the shared samples,
 * same shapes). Test helper only.
 */
export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

/** A fixture that holds a JSON array. */
export function loadFixtureArray(name: string): unknown[] {
  const value = loadFixture(name);
  if (!Array.isArray(value)) throw new Error(`fixture ${name} is not an array`);
  return value;
}

/** A fixture that holds a JSON object. */
export function loadFixtureObject(name: string): Record<string, unknown> {
  const value = loadFixture(name);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`fixture ${name} is not an object`);
  return value as Record<string, unknown>;
}
