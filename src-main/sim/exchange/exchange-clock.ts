import type { Clock } from '../../core/clock';
import type { Scheduler } from '../../core/scheduler';

/**
 * The exchange's time: a clock that starts at a chosen instant and runs at a chosen speed, and a
 * scheduler of tasks on that clock. The real one follows the wall clock; the test one moves only
 * when a test advances it, running due tasks in order, so nothing in a test ever sleeps.
 */

/**
 * The exchange clock and its timers: the core's Clock (exchange time, epoch ms) and Scheduler (delays
 * are exchange milliseconds), plus a speed.
 */
export interface ExchangeTimekeeper extends Clock, Scheduler {
  /** Exchange milliseconds per wall millisecond. */
  readonly speed: number;
  /** Changes the speed from now on (the clock does not jump). */
  setSpeed(speed: number): void;
}

/** A clock from `startMs` that runs with the wall clock, `speed` times as fast. */
export function createWallTimekeeper(startMs: number, speed = 1, wallNow: () => number = () => performance.now()): ExchangeTimekeeper {
  let anchorExchange = startMs;
  let anchorWall = wallNow();
  let rate = speed;
  const now = (): number => Math.floor(anchorExchange + (wallNow() - anchorWall) * rate);
  return {
    now,
    schedule(delayMs, task) {
      const handle = setTimeout(task, Math.max(0, delayMs / rate));
      // A forgotten exchange must not keep the process alive.
      handle.unref();
      return () => clearTimeout(handle);
    },
    get speed() {
      return rate;
    },
    setSpeed(next) {
      if (!(next > 0)) throw new RangeError('the speed must be positive');
      anchorExchange = now();
      anchorWall = wallNow();
      rate = next;
    },
  };
}

interface Task {
  readonly due: number;
  readonly order: number;
  readonly run: () => void;
}

/** A clock that only moves when told to; due tasks run in time order as it passes them. */
export class TestTimekeeper implements ExchangeTimekeeper {
  private time: number;
  private tasks: Task[] = [];
  private order = 0;
  private rate = 1;

  public constructor(startMs: number) {
    this.time = startMs;
  }

  /** The current test time. */
  public now(): number {
    return this.time;
  }

  /** Queues a task at `now + delayMs`. */
  public schedule(delayMs: number, task: () => void): () => void {
    const entry = { due: this.time + Math.max(0, delayMs), order: this.order++, run: task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((candidate) => candidate !== entry);
    };
  }

  /** The speed last set (the test clock ignores it). */
  public get speed(): number {
    return this.rate;
  }

  /** Records the speed. */
  public setSpeed(speed: number): void {
    this.rate = speed;
  }

  /** Moves time forward by `ms`, running every task that falls due on the way. */
  public advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  /** Moves time to `target`, running every task that falls due on the way. */
  public advanceTo(target: number): void {
    for (;;) {
      let next: Task | undefined;
      for (const task of this.tasks) {
        if (task.due <= target && (next === undefined || task.due < next.due || (task.due === next.due && task.order < next.order))) next = task;
      }
      if (next === undefined) break;
      const chosen = next;
      this.tasks = this.tasks.filter((task) => task !== chosen);
      this.time = Math.max(this.time, chosen.due);
      chosen.run();
    }
    this.time = Math.max(this.time, target);
  }

  /** How many tasks wait. */
  public get pendingTasks(): number {
    return this.tasks.length;
  }
}
