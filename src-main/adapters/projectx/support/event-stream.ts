import type { Logger } from '../../../core/logger';

/**
 * A synchronous fan-out of one event type. A listener that throws is logged and skipped, so one
 * faulty consumer cannot stop the others or break the adapter's handlers.
 */
export class EventStream<T> {
  private readonly listeners = new Set<(event: T) => void>();

  public constructor(
    private readonly logger: Logger,
    private readonly name: string,
  ) {}

  /** Adds a listener; returns the function that removes it. */
  public subscribe(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Delivers an event to every listener. */
  public emit(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ stream: this.name, error: describeError(error) }, 'event listener threw');
      }
    }
  }

  /** Removes every listener. */
  public clear(): void {
    this.listeners.clear();
  }
}

/** A short text for an unknown thrown value (never the value's own fields: they may hold secrets). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
