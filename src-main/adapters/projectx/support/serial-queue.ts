import type { Logger } from '../../../core/logger';
import { describeError } from './event-stream';

/**
 * Runs asynchronous tasks one after another in the order they were pushed, so events that need an
 * await (a contract lookup) still come out in the order they arrived. A failing task is logged
 * and the queue goes on.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  public constructor(
    private readonly logger: Logger,
    private readonly name: string,
  ) {}

  /** Whether no task is waiting or running. */
  public get idle(): boolean {
    return this.pending === 0;
  }

  /** Appends a task. */
  public push(task: () => Promise<void> | void): void {
    this.pending++;
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => this.logger.error({ queue: this.name, error: describeError(error) }, 'event handler failed'))
      .finally(() => {
        this.pending--;
      });
  }

  /** Resolves when every task pushed so far has run. */
  public drained(): Promise<void> {
    return this.tail;
  }
}
