import type { Database } from 'better-sqlite3';
import type { Logger } from '../core/logger';

/** One queued write: runs prepared statements inside the batch's transaction. */
export type Write = () => void;

/** Counters of what the batcher committed, for tests, benchmarks and diagnostics. */
export interface WriteStats {
  /** Transactions that committed a batch. */
  readonly transactions: number;
  /** Writes committed. */
  readonly committed: number;
  /** Writes that failed (logged and dropped; never acknowledged). */
  readonly failed: number;
  /** Writes waiting for the next commit. */
  readonly queued: number;
}

/**
 * Queues writes and commits them in one transaction per event-loop turn, so a burst costs one
 * commit. The queue is bounded: past `maxQueued` writes it commits at once. A write counts as
 * acknowledged only once its transaction has committed.
 */
export class WriteBatcher {
  private queue: Write[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private closed = false;
  private transactions = 0;
  private committed = 0;
  private failed = 0;
  private readonly rollbackListeners: (() => void)[] = [];
  private readonly commitAll: (writes: readonly Write[]) => void;
  private readonly commitOne: (write: Write) => void;

  public constructor(
    db: Database,
    private readonly logger: Logger,
    private readonly maxQueued: number,
  ) {
    if (!(maxQueued >= 1)) throw new RangeError(`maxQueued must be at least 1, got ${maxQueued}`);
    this.commitAll = db.transaction((writes: readonly Write[]) => {
      for (const write of writes) write();
    });
    this.commitOne = db.transaction((write: Write) => write());
  }

  /** Queues a write for this turn's transaction. */
  public enqueue(write: Write): void {
    if (this.closed) throw new Error('The store is closed; a write after close is a bug');
    this.queue.push(write);
    if (this.queue.length >= this.maxQueued) {
      this.flush();
      return;
    }
    this.scheduled ??= setImmediate(() => {
      this.scheduled = undefined;
      this.flush();
    });
  }

  /** Commits every queued write now, in one transaction. */
  public flush(): void {
    if (this.scheduled !== undefined) {
      clearImmediate(this.scheduled);
      this.scheduled = undefined;
    }
    if (this.queue.length === 0) return;
    const writes = this.queue;
    this.queue = [];
    try {
      this.commitAll(writes);
      this.transactions++;
      this.committed += writes.length;
    } catch (error) {
      // The batch rolled back. Retry each write alone so one bad write cannot sink the others.
      this.logger.error({ error: describe(error), writes: writes.length }, 'store batch failed; retrying its writes one by one');
      this.notifyRollback();
      this.commitSeparately(writes);
    }
  }

  /** Calls the listener whenever a transaction rolls back, so in-memory caches of written state can reset. */
  public onRollback(listener: () => void): void {
    this.rollbackListeners.push(listener);
  }

  /** Counters since the store opened. */
  public stats(): WriteStats {
    return { transactions: this.transactions, committed: this.committed, failed: this.failed, queued: this.queue.length };
  }

  /** Commits what is queued and refuses further writes. */
  public close(): void {
    this.flush();
    this.closed = true;
  }

  private commitSeparately(writes: readonly Write[]): void {
    for (const write of writes) {
      try {
        this.commitOne(write);
        this.transactions++;
        this.committed++;
      } catch (error) {
        this.failed++;
        this.logger.error({ error: describe(error) }, 'store write failed and was dropped');
        this.notifyRollback();
      }
    }
  }

  private notifyRollback(): void {
    for (const listener of this.rollbackListeners) listener();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
