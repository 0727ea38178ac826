/** Cancels a scheduled callback; calling it twice is harmless. */
export type CancelTimer = () => void;

/** Timers as the strategy service sees them (the same shape as the risk manager's scheduler): injected, so tests move time by hand. */
export interface StrategyScheduler {
  /** Runs `callback` once after `delayMs`. */
  schedule(delayMs: number, callback: () => void): CancelTimer;
}

/** A scheduler that runs callbacks only when a test advances it. */
export class ManualScheduler implements StrategyScheduler {
  private tasks: { at: number; order: number; callback: () => void }[] = [];
  private order = 0;

  public constructor(private readonly clock: { now(): number; advance?(milliseconds: number): void }) {}

  public schedule(delayMs: number, callback: () => void): CancelTimer {
    const task = { at: this.clock.now() + Math.max(0, delayMs), order: this.order++, callback };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((candidate) => candidate !== task);
    };
  }

  /** Runs every task due at or before the clock's time, in time order. */
  public runDue(): void {
    for (;;) {
      const now = this.clock.now();
      const due = this.tasks.filter((task) => task.at <= now).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (due === undefined) return;
      this.tasks = this.tasks.filter((task) => task !== due);
      due.callback();
    }
  }
}
