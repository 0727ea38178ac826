import type { Clock } from '../clock';
import type { Cancel, Scheduler } from '../scheduler';

/** At most this many updates per second per key (a contract's quote, a bar series) reach the clients. */
export const maxUpdatesPerSecond = 60;
const intervalMs = 1000 / maxUpdatesPerSecond;

/**
 * Coalesces updates to display rate per key: the first goes out at once, later ones within the
 * interval are folded into one sent when it ends (always the latest). Used for quotes and live bars.
 */
export class DisplayThrottle<T> {
  private readonly lastSent = new Map<string, number>();
  private readonly waiting = new Map<string, T>();
  private readonly timers = new Map<string, Cancel>();

  public constructor(
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly keyOf: (update: T) => string,
    private readonly send: (update: T) => void,
  ) {}

  /** Offers an update; it is sent now or folded into the next send of its key. */
  public offer(update: T): void {
    const key = this.keyOf(update);
    const now = this.clock.now();
    const last = this.lastSent.get(key);
    if (last === undefined || now - last >= intervalMs) {
      // A fresher update supersedes one still waiting for its timer: send this one only.
      this.timers.get(key)?.();
      this.timers.delete(key);
      this.waiting.delete(key);
      this.lastSent.set(key, now);
      this.send(update);
      return;
    }
    this.waiting.set(key, update);
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      this.scheduler.schedule(Math.max(1, Math.ceil(intervalMs - (now - last))), () => this.release(key)),
    );
  }

  /** Cancels pending sends. */
  public dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.waiting.clear();
  }

  private release(key: string): void {
    this.timers.delete(key);
    const update = this.waiting.get(key);
    if (update === undefined) return;
    this.waiting.delete(key);
    this.lastSent.set(key, this.clock.now());
    this.send(update);
  }
}
