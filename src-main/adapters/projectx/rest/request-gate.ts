import type { Clock } from '../../../core/clock';
import type { CallLane } from '../../../core/ports/broker-port';
import type { Cancel, TimerScope } from '../support/scheduler';

/** A client-side request budget: at most `requests` in any `windowMs`. */
export interface RateBudget {
  readonly requests: number;
  readonly windowMs: number;
}

/** How a wait at the gate ended: the call may go, its deadline came first, or the gate was disposed. */
export type Admission = 'admitted' | 'expired' | 'stopped';

interface Waiter {
  readonly release: (admission: Admission) => void;
  readonly until: number | undefined;
  cancelExpiry: Cancel | undefined;
}

/**
 * A sliding-window limiter with two queues: a waiting priority call (enforcement) is always
 * admitted before any waiting normal call. A 429 from the server pauses the gate for the time the
 * server asks. Waiters are released in order; `dispose()` releases them all with false. A waiter
 * with a deadline leaves the queue at that deadline without being admitted (it never takes a slot),
 * or at once when the gate is paused past it.
 */
export class RequestGate {
  private readonly admitted: number[] = [];
  private readonly priority: Waiter[] = [];
  private readonly normal: Waiter[] = [];
  private pausedUntil = 0;
  private cancelWake: Cancel | undefined;
  private disposed = false;

  public constructor(
    private readonly budget: RateBudget,
    private readonly clock: Clock,
    private readonly timers: TimerScope,
  ) {
    if (!Number.isInteger(budget.requests) || budget.requests < 1 || !(budget.windowMs > 0)) throw new RangeError('a request budget needs at least one request and a positive window');
  }

  /** Resolves true when the call may go, false when the gate was disposed first. */
  public async acquire(lane: CallLane): Promise<boolean> {
    return (await this.admit(lane)) === 'admitted';
  }

  /**
   * Waits for a slot. With `until` (epoch ms), a call not admitted by then is dropped from the
   * queue and answered `expired`: it was never let through and never will be.
   */
  public admit(lane: CallLane, until?: number): Promise<Admission> {
    if (this.disposed) return Promise.resolve('stopped');
    const now = this.clock.now();
    if (until !== undefined && (now >= until || this.pausedUntil >= until)) return Promise.resolve('expired');
    return new Promise((resolve) => {
      const queue = lane === 'priority' ? this.priority : this.normal;
      const waiter: Waiter = { release: resolve, until, cancelExpiry: undefined };
      if (until !== undefined) {
        waiter.cancelExpiry = this.timers.schedule(until - now, () => {
          const index = queue.indexOf(waiter);
          if (index < 0) return;
          queue.splice(index, 1);
          resolve('expired');
          this.scheduleWake(this.clock.now());
        });
      }
      queue.push(waiter);
      this.pump();
    });
  }

  /** Holds every call back for `milliseconds` (the server's Retry-After). */
  public pauseFor(milliseconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + milliseconds);
    // A waiter whose deadline falls inside the pause cannot go in time: it leaves now.
    for (const queue of [this.priority, this.normal]) {
      for (const waiter of queue.filter((entry) => entry.until !== undefined && entry.until <= this.pausedUntil)) {
        queue.splice(queue.indexOf(waiter), 1);
        waiter.cancelExpiry?.();
        waiter.release('expired');
      }
    }
    this.pump();
  }


  /** Calls that could start now without waiting. */
  public headroom(): number {
    this.prune(this.clock.now());
    return Math.max(0, this.budget.requests - this.admitted.length);
  }

  /** Number of calls waiting. */
  public get waiting(): number {
    return this.priority.length + this.normal.length;
  }

  /** Releases every waiter with false; later calls get false at once. */
  public dispose(): void {
    this.disposed = true;
    this.cancelWake?.();
    for (const waiter of [...this.priority, ...this.normal]) {
      waiter.cancelExpiry?.();
      waiter.release('stopped');
    }
    this.priority.length = 0;
    this.normal.length = 0;
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    while (this.waiting > 0 && now >= this.pausedUntil && this.admitted.length < this.budget.requests) {
      const waiter = this.priority.shift() ?? this.normal.shift();
      if (waiter === undefined) break;
      this.admitted.push(now);
      waiter.cancelExpiry?.();
      waiter.release('admitted');
    }
    this.scheduleWake(now);
  }

  private scheduleWake(now: number): void {
    this.cancelWake?.();
    this.cancelWake = undefined;
    if (this.waiting === 0 || this.disposed) return;
    const oldest = this.admitted[0];
    const slotFreeAt = this.admitted.length < this.budget.requests || oldest === undefined ? now : oldest + this.budget.windowMs;
    const wakeAt = Math.max(slotFreeAt, this.pausedUntil);
    this.cancelWake = this.timers.schedule(Math.max(1, wakeAt - now), () => {
      this.cancelWake = undefined;
      this.pump();
    });
  }

  private prune(now: number): void {
    while (this.admitted.length > 0 && (this.admitted[0] ?? 0) + this.budget.windowMs <= now) this.admitted.shift();
  }
}
