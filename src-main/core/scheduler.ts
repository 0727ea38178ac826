/** Cancels a scheduled callback; calling it twice is harmless. */
export type Cancel = () => void;

/**
 * Timers as the core, the adapter and the strategies see them: injected, so tests move time by
 * hand (`core/testing/manual-scheduler.ts`). The hosts pass `systemScheduler`
 * (`core/system-scheduler.ts`), the only code in the core that touches the global timers; deadlines
 * are computed on the injected Clock.
 */
export interface Scheduler {
  /** Runs `callback` once after `delayMs` (a negative delay counts as 0). */
  schedule(delayMs: number, callback: () => void): Cancel;
}

/** Resolves after `delayMs` on the scheduler. */
export function sleep(scheduler: Scheduler, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    scheduler.schedule(delayMs, resolve);
  });
}

/**
 * Runs `callback` every `intervalMs` (the first time one interval from now) until cancelled. The next
 * run is scheduled after the callback returns, so a slow callback delays the rest instead of piling up.
 */
export function every(scheduler: Pick<Scheduler, 'schedule'>, intervalMs: number, callback: () => void): Cancel {
  let cancelled = false;
  let cancelNext: Cancel = () => undefined;
  const next = (): void => {
    cancelNext = scheduler.schedule(intervalMs, () => {
      if (cancelled) return;
      callback();
      if (!cancelled) next();
    });
  };
  next();
  return () => {
    cancelled = true;
    cancelNext();
  };
}
