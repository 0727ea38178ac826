import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';

/**
 * Warns about skipped payloads without flooding the log: at most one line per key per interval,
 * carrying how many were suppressed since the last line. Market data can be malformed hundreds of
 * times a second; one line every few seconds says as much.
 */
export class ThrottledWarn {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  public constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly intervalMs = 10_000,
  ) {}

  /** Logs (or counts) one warning under `key` (typically the event name). */
  public warn(key: string, fields: Record<string, unknown>, message: string): void {
    const now = this.clock.now();
    const entry = this.last.get(key);
    if (entry !== undefined && now - entry.at < this.intervalMs) {
      entry.suppressed++;
      return;
    }
    this.logger.warn({ ...fields, event: key, suppressed: entry?.suppressed ?? 0 }, message);
    this.last.set(key, { at: now, suppressed: 0 });
  }
}
