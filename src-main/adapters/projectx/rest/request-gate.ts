import type { Clock } from '../../../core/clock';
import type { CallLane } from '../../../core/ports/broker-port';
import type { Cancel } from '../../../core/scheduler';
import type { TimerScope } from '../support/timer-scope';

/**
 * A client-side request budget: at most `requests` in any `windowMs`. `reserved` keeps slots of the
 * window that ordinary calls may not take: `priority` slots only the priority lane (enforcement,
 * flatten) may use, `reconcile` slots the priority and reconcile lanes may use. So however many
 * calls a trader (or a strategy) fires, a flatten and the reconciliation after a reconnect still find
 * room in the window.
 */
export interface RateBudget {
  readonly requests: number;
  readonly windowMs: number;
  readonly reserved?: { readonly priority?: number; readonly reconcile?: number };
}

/**
 * The lanes of the gate, first served first: `priority` (enforcement, flatten), `reconcile` (the
 * REST truth after a reconnect or an uncertain outcome), `normal` (everything else).
 */
export type GateLane = CallLane | 'reconcile';

const lanes: readonly GateLane[] = ['priority', 'reconcile', 'normal'];

/** How a wait at the gate ended: the call may go, its deadline came first, or the gate was disposed. */
export type Admission = 'admitted' | 'expired' | 'stopped';

interface Waiter {
  readonly release: (admission: Admission) => void;
  readonly until: number | undefined;
  cancelExpiry: Cancel | undefined;
}

/**
 * A sliding-window limiter with three queues: a waiting priority call (enforcement) is always
 * admitted before any waiting reconcile call, and that before any waiting normal call; each lane may
 * fill the window only up to its limit (the budget less the slots reserved for the lanes above it). A 429 from the server pauses the gate for the time the
 * server asks. Waiters are released in order; `dispose()` releases them all with false. A waiter
 * with a deadline leaves the queue at that deadline without being admitted (it never takes a slot),
 * or at once when the gate is paused past it.
 */
export class RequestGate {
  private readonly admitted: number[] = [];
  private readonly queues: Record<GateLane, Waiter[]> = { priority: [], reconcile: [], normal: [] };
  private readonly limits: Record<GateLane, number>;
  private pausedUntil = 0;
  private cancelWake: Cancel | undefined;
  private disposed = false;

  public constructor(
    private readonly budget: RateBudget,
    private readonly clock: Clock,
    private readonly timers: TimerScope,
  ) {
    if (!Number.isInteger(budget.requests) || budget.requests < 1 || !(budget.windowMs > 0))
      throw new RangeError('a request budget needs at least one request and a positive window');
    const forPriority = budget.reserved?.priority ?? 0;
    const forReconcile = budget.reserved?.reconcile ?? 0;
    if (
      !Number.isInteger(forPriority) ||
      !Number.isInteger(forReconcile) ||
      forPriority < 0 ||
      forReconcile < 0 ||
      forPriority + forReconcile >= budget.requests
    ) {
      throw new RangeError('reserved slots must be whole, not negative, and leave ordinary calls at least one');
    }
    this.limits = { priority: budget.requests, reconcile: budget.requests - forPriority, normal: budget.requests - forPriority - forReconcile };
  }

  /** Resolves true when the call may go, false when the gate was disposed first. */
  public async acquire(lane: GateLane): Promise<boolean> {
    return (await this.admit(lane)) === 'admitted';
  }

  /**
   * Waits for a slot. With `until` (epoch ms), a call not admitted by then is dropped from the
   * queue and answered `expired`: it was never let through and never will be.
   */
  public admit(lane: GateLane, until?: number): Promise<Admission> {
    if (this.disposed) return Promise.resolve('stopped');
    const now = this.clock.now();
    if (until !== undefined && (now >= until || this.pausedUntil >= until)) return Promise.resolve('expired');
    return new Promise((resolve) => {
      const queue = this.queues[lane];
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
    for (const queue of Object.values(this.queues)) {
      for (const waiter of queue.filter((entry) => entry.until !== undefined && entry.until <= this.pausedUntil)) {
        queue.splice(queue.indexOf(waiter), 1);
        waiter.cancelExpiry?.();
        waiter.release('expired');
      }
    }
    this.pump();
  }

  /** Calls of a lane (default: ordinary ones) that could start now without waiting. */
  public headroom(lane: GateLane = 'normal'): number {
    this.prune(this.clock.now());
    return Math.max(0, this.limits[lane] - this.admitted.length);
  }

  /** Number of calls waiting. */
  public get waiting(): number {
    return this.queues.priority.length + this.queues.reconcile.length + this.queues.normal.length;
  }

  /** Releases every waiter with false; later calls get false at once. */
  public dispose(): void {
    this.disposed = true;
    this.cancelWake?.();
    for (const lane of lanes) {
      for (const waiter of this.queues[lane]) {
        waiter.cancelExpiry?.();
        waiter.release('stopped');
      }
      this.queues[lane].length = 0;
    }
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    while (now >= this.pausedUntil) {
      const lane = lanes.find((candidate) => this.queues[candidate].length > 0 && this.admitted.length < this.limits[candidate]);
      const waiter = lane === undefined ? undefined : this.queues[lane].shift();
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
    // The earliest moment a waiting lane is under its limit: enough of the oldest calls have left the window.
    let slotFreeAt = Number.POSITIVE_INFINITY;
    for (const lane of lanes) {
      if (this.queues[lane].length === 0) continue;
      const over = this.admitted.length - this.limits[lane];
      slotFreeAt = Math.min(slotFreeAt, over < 0 ? now : (this.admitted[over] ?? now) + this.budget.windowMs);
    }
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
