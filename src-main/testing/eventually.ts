/** How long and how often `eventually` polls. */
export interface EventuallyOptions {
  /** Give up after this long; default 5 s. */
  readonly timeoutMs?: number;
  /** Pause between two looks; default 10 ms. */
  readonly intervalMs?: number;
  /** Appended to the failure message (the state that was waited on, say). */
  readonly detail?: () => string;
}

/** What a probe answers: `undefined` or `false` for "not yet", anything else is the answer. */
export type Probe<T> = () => T | undefined | false | PromiseLike<T | undefined | false>;

/**
 * Polls `probe` (sync or async) until it answers something other than `undefined` or `false`, and
 * resolves with that answer; a probe that throws counts as "not yet". Fails after the timeout with
 * `<what> did not hold within <n> ms`, plus the detail and the probe's last error. The one polling
 * helper of the tests, e2e and benchmarks (uses only the language's own timers and clock).
 */
export async function eventually<T>(probe: Probe<T>, what: string, options: EventuallyOptions | number = {}): Promise<Exclude<T, undefined | false>> {
  const { timeoutMs = 5_000, intervalMs = 10, detail } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const answer = await probe();
      if (answer !== undefined && answer !== false) return answer as Exclude<T, undefined | false>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const extra = detail === undefined ? '' : `: ${detail()}`;
      const cause = lastError === undefined ? '' : ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`${what} did not hold within ${timeoutMs} ms${extra}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
