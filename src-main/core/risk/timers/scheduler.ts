/** Cancels a scheduled callback; calling it twice is harmless. */
export type Cancel = () => void;

/**
 * Timers as the risk manager sees them: injected, so tests move time by hand. The hosts pass real
 * timers (the adapter's `systemScheduler` has this shape); the deadline logic reads the core's Clock.
 */
export interface Scheduler {
  /** Runs `callback` once after `delayMs`. */
  schedule(delayMs: number, callback: () => void): Cancel;
}

/** Resolves after `delayMs` on the scheduler. */
export function sleep(scheduler: Scheduler, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    scheduler.schedule(delayMs, resolve);
  });
}
