import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { StorePort } from '../../ports/store-port';
import type { Cancel, Scheduler } from '../../scheduler';

/** One named countdown: what it is for (`kind`), when it ends, and a little data for its handler. */
export interface TimerRecord {
  readonly name: string;
  readonly kind: string;
  readonly deadline: number;
  readonly data: Readonly<Record<string, string | number>>;
  /** Kept in the store, so a restart resumes it (an overdue one fires at start). */
  readonly persist: boolean;
}

/** The settings key of the persisted timers. */
export const timersKey = 'risk.timers';

// Real timers overflow past ~24.8 days; long countdowns re-arm in steps.
const longestStepMs = 6 * 3_600_000;

/**
 * Named countdown timers on the injected clock (docs/risk-rules.md §6). Setting a name again
 * replaces its deadline; handlers are bound by kind, so persisted timers find theirs again after a
 * restart. A timer fires only once the clock has reached its deadline.
 */
export class NamedTimers {
  private readonly records = new Map<string, TimerRecord>();
  private readonly cancels = new Map<string, Cancel>();
  private readonly handlers = new Map<string, (record: TimerRecord) => void>();
  private disposed = false;

  public constructor(
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly store: StorePort | undefined,
    private readonly logger: Logger,
  ) {}

  /** Binds the handler of a kind. */
  public handle(kind: string, handler: (record: TimerRecord) => void): void {
    this.handlers.set(kind, handler);
  }

  /** Reloads persisted timers and arms them (overdue ones fire on the next turn). */
  public restore(): void {
    const stored = this.store?.setting(timersKey);
    if (!Array.isArray(stored)) return;
    for (const record of stored as TimerRecord[]) {
      if (typeof record?.name === 'string' && typeof record.kind === 'string' && typeof record.deadline === 'number')
        this.arm({ ...record, data: record.data ?? {}, persist: true });
    }
  }

  /** Starts (or moves) a named timer. */
  public set(record: TimerRecord): void {
    const known = this.records.get(record.name);
    if (known !== undefined && known.deadline === record.deadline && known.kind === record.kind) return;
    this.arm(record);
    if (record.persist || known?.persist === true) this.save();
  }

  /** Stops a named timer. */
  public cancel(name: string): void {
    const known = this.records.get(name);
    if (known === undefined) return;
    this.cancels.get(name)?.();
    this.cancels.delete(name);
    this.records.delete(name);
    if (known.persist) this.save();
  }

  /** The deadline of a named timer, if set. */
  public deadline(name: string): number | undefined {
    return this.records.get(name)?.deadline;
  }

  /** Names of the timers set, optionally only those starting with a prefix. */
  public names(prefix = ''): string[] {
    return [...this.records.keys()].filter((name) => name.startsWith(prefix));
  }

  /** Stops every timer without touching what is persisted (a restart resumes them). */
  public dispose(): void {
    this.disposed = true;
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
  }

  private arm(record: TimerRecord): void {
    if (this.disposed) return;
    this.cancels.get(record.name)?.();
    this.records.set(record.name, record);
    const delay = Math.min(longestStepMs, Math.max(0, record.deadline - this.clock.now()));
    this.cancels.set(
      record.name,
      this.scheduler.schedule(delay, () => this.fire(record)),
    );
  }

  private fire(record: TimerRecord): void {
    if (this.disposed || this.records.get(record.name) !== record) return;
    if (this.clock.now() < record.deadline) {
      this.arm(record);
      return;
    }
    this.records.delete(record.name);
    this.cancels.delete(record.name);
    if (record.persist) this.save();
    const handler = this.handlers.get(record.kind);
    if (handler === undefined) {
      this.logger.warn({ name: record.name, kind: record.kind }, 'a risk timer fired with no handler');
      return;
    }
    try {
      handler(record);
    } catch (error) {
      this.logger.error({ name: record.name, error: error instanceof Error ? error.message : String(error) }, 'a risk timer handler threw');
    }
  }

  private save(): void {
    this.store?.saveSetting(
      timersKey,
      [...this.records.values()].filter((record) => record.persist),
    );
  }
}
