/**
 * Merges a partial update into the record it updates: a key present in the update wins (an
 * explicit null included), an absent key keeps the previous value. Never mutates either input.
 */
export function mergeRecord<T extends object>(previous: T | undefined, update: Partial<T>): T {
  const merged: Record<string, unknown> = { ...(previous ?? {}) };
  for (const [key, value] of Object.entries(update)) if (value !== undefined) merged[key] = value;
  return merged as T;
}
