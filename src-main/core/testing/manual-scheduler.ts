import type { Clock, TestClock } from '../clock';
import type { Cancel, Scheduler } from '../scheduler';

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
 * The scheduler of tests, on a TestClock: nothing fires until `advance` moves the clock (or `settle`
 * finds timers already due after the test moved the clock itself), and then every timer due fires in
 * deadline order, the clock standing at each one's deadline, with pending promises settled between
 * them. It also reads as the Clock (`now()`), so one object can be passed as both. Tests only.
 */
export class ManualScheduler implements Scheduler, Clock {
  private timers: Pending[] = [];
  private sequence = 0;

  public constructor(public readonly clock: TestClock) {}

  /** The clock's time. */
  public now(): number {
    return this.clock.now();
  }

  public schedule(delayMs: number, callback: () => void): Cancel {
    const entry: Pending = { due: this.clock.now() + Math.max(0, delayMs), sequence: this.sequence++, callback };
    this.timers.push(entry);
    return () => {
      this.timers = this.timers.filter((candidate) => candidate !== entry);
    };
  }

  /** Timers waiting. */
  public get pending(): number {
    return this.timers.length;
  }

  /** Moves the clock forward by `milliseconds`, firing what falls due on the way. */
  public async advance(milliseconds: number): Promise<void> {
    const target = this.clock.now() + milliseconds;
    for (;;) {
      await flushPromises();
      const next = this.timers.filter((entry) => entry.due <= target).sort((a, b) => a.due - b.due || a.sequence - b.sequence)[0];
      if (next === undefined) break;
      this.timers = this.timers.filter((entry) => entry !== next);
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
