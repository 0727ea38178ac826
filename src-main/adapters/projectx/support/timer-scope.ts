import type { Cancel, Scheduler } from '../../../core/scheduler';

/**
 * Owns every timer one component starts, so `dispose()` releases them all at once.
 * A timer that fired is forgotten; nothing is scheduled after disposal.
 */
export class TimerScope implements Scheduler {
  private readonly pending = new Set<Cancel>();
  private readonly sleepers = new Set<() => void>();
  private disposed = false;

  public constructor(private readonly scheduler: Scheduler) {}

  /** Schedules a callback owned by this scope. */
  public schedule(delayMs: number, callback: () => void): Cancel {
    if (this.disposed) return () => undefined;
    let cancelInner: Cancel = () => undefined;
    const cancel: Cancel = () => {
      this.pending.delete(cancel);
      cancelInner();
    };
    this.pending.add(cancel);
    cancelInner = this.scheduler.schedule(delayMs, () => {
      this.pending.delete(cancel);
      callback();
    });
    return cancel;
  }

  /** Resolves after `delayMs`, or with false at once when the scope is (or gets) disposed. */
  public sleep(delayMs: number): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const cancel = this.schedule(delayMs, () => {
        this.sleepers.delete(wake);
        resolve(true);
      });
      const wake = (): void => {
        cancel();
        resolve(false);
      };
      this.sleepers.add(wake);
    });
  }

  /** Whether `dispose()` ran. */
  public get isDisposed(): boolean {
    return this.disposed;
  }

  /** Cancels every pending timer and wakes every sleeper with false. */
  public dispose(): void {
    this.disposed = true;
    for (const cancel of [...this.pending]) cancel();
    for (const wake of [...this.sleepers]) wake();
    this.sleepers.clear();
  }
}
