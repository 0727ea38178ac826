import type { Clock } from '../../../core/clock';
import type { CallLane } from '../../../core/ports/broker-port';
import type { Cancel, TimerScope } from '../support/scheduler';

/** A client-side request budget: at most `requests` in any `windowMs`. */
export interface RateBudget {
  readonly requests: number;
  readonly windowMs: number;
}

/**
 * A sliding-window limiter with two queues: a waiting priority call (enforcement) is always
 * admitted before any waiting normal call. A 429 from the server pauses the gate for the time the
 * server asks. Waiters are released in order; `dispose()` releases them all with false.
 */
export class RequestGate {
  private readonly admitted: number[] = [];
  private readonly priority: ((admitted: boolean) => void)[] = [];
  private readonly normal: ((admitted: boolean) => void)[] = [];
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
  public acquire(lane: CallLane): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return new Promise((resolve) => {
      (lane === 'priority' ? this.priority : this.normal).push(resolve);
      this.pump();
    });
  }

  /** Holds every call back for `milliseconds` (the server's Retry-After). */
  public pauseFor(milliseconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + milliseconds);
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
    for (const waiter of [...this.priority, ...this.normal]) waiter(false);
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
      waiter(true);
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
