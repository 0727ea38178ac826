import type { TestClock } from '../../clock';
import type { Cancel, Scheduler } from '../timers/scheduler';

interface Pending {
  readonly due: number;
  readonly sequence: number;
  readonly callback: () => void;
}

/** Lets every pending promise continuation run (one macrotask turn drains the microtasks). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A scheduler on a TestClock for tests: nothing fires until `advance` moves the clock, and then
 * every timer due fires in deadline order, with pending promises settled between them.
 */
export class ManualScheduler implements Scheduler {
  private pending: Pending[] = [];
  private sequence = 0;

  public constructor(private readonly clock: TestClock) {}

  public schedule(delayMs: number, callback: () => void): Cancel {
    const entry: Pending = { due: this.clock.now() + Math.max(0, delayMs), sequence: this.sequence++, callback };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((candidate) => candidate !== entry);
    };
  }

  /** Timers waiting. */
  public get size(): number {
    return this.pending.length;
  }

  /** Moves the clock forward by `milliseconds`, firing what falls due on the way. */
  public async advance(milliseconds: number): Promise<void> {
    const target = this.clock.now() + milliseconds;
    for (;;) {
      await flushPromises();
      const next = this.pending.filter((entry) => entry.due <= target).sort((a, b) => a.due - b.due || a.sequence - b.sequence)[0];
      if (next === undefined) break;
      this.pending = this.pending.filter((entry) => entry !== next);
      if (next.due > this.clock.now()) this.clock.advance(next.due - this.clock.now());
      next.callback();
    }
    if (target > this.clock.now()) this.clock.advance(target - this.clock.now());
    await flushPromises();
  }

  /** Fires what is due now and lets promises settle, without moving the clock. */
  public settle(): Promise<void> {
    return this.advance(0);
  }
}
