import type { Clock } from '../../../core/clock';
import type { Cancel, Scheduler } from '../support/scheduler';

/**
 * A clock and timers that move only when a test says so. `advance` runs every timer that falls due,
 * in time order, letting promises settle between them. Test helper only.
 */
export class ManualTime implements Clock, Scheduler {
  private timers: { at: number; order: number; callback: () => void }[] = [];
  private sequence = 0;

  public constructor(private time: number) {}

  public now(): number {
    return this.time;
  }

  public schedule(delayMs: number, callback: () => void): Cancel {
    const timer = { at: this.time + Math.max(0, delayMs), order: this.sequence++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((entry) => entry !== timer);
    };
  }

  /** Number of timers waiting. */
  public get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order. */
  public async advance(milliseconds: number): Promise<void> {
    const end = this.time + milliseconds;
    for (;;) {
      await settle();
      const due = this.timers.filter((timer) => timer.at <= end).sort((left, right) => left.at - right.at || left.order - right.order)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
    }
    this.time = end;
    await settle();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 10; round++) await Promise.resolve();
}
