/**
 * Guards for values the store writes. The core hands over parsed domain values, so a failure
 * here is a bug at the call site: it throws there, before the write is queued, instead of
 * failing later inside a batch with unrelated writes.
 */

/** Throws unless the value is an integer within 2^53 (ids, ticks, cents, epoch ms). */
export function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be a safe integer, got ${String(value)}`);
}

/** Throws unless the text is non-empty. */
export function requireText(value: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${what} must be a non-empty string`);
}
