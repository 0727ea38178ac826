import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';

/** How daily backups behave. */
export interface BackupPolicy {
  /** Newest backups kept; older ones are deleted. Default 7. */
  readonly keep?: number;
  /** How often to look whether today's backup exists. Default one hour. */
  readonly checkIntervalMs?: number;
}

const backupName = /^terminal-(\d{4}-\d{2}-\d{2})\.db$/;

/** `terminal-YYYY-MM-DD.db` for the UTC day of `time`. */
export function backupFileName(time: number): string {
  return `terminal-${new Date(time).toISOString().slice(0, 10)}.db`;
}

/**
 * One backup per UTC day in `<dataDir>/backups`, made with SQLite's online backup while the
 * store keeps working, written under a temporary name and renamed when complete, so a crash
 * mid-backup never leaves a truncated file that looks like a backup.
 */
export class DailyBackups {
  private readonly keep: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<string> | undefined;
  private closed = false;

  public constructor(
    private readonly db: Database,
    private readonly directory: string,
    private readonly flush: () => void,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly policy: BackupPolicy = {},
  ) {
    this.keep = Math.max(1, policy.keep ?? 7);
  }

  /** Makes today's backup if it is missing, then checks again on a timer. */
  public start(): void {
    this.ensureToday();
    this.timer = setInterval(() => this.ensureToday(), this.policy.checkIntervalMs ?? 3_600_000);
    this.timer.unref();
  }

  /** Writes today's backup now (replacing today's file), rotates, and returns the file's path. */
  public backupNow(): Promise<string> {
    if (this.closed) return Promise.reject(new Error('The store is closed'));
    this.running ??= this.write().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the timer; a backup in progress is abandoned and its temporary file removed. */
  public close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  private ensureToday(): void {
    if (this.running !== undefined || existsSync(join(this.directory, backupFileName(this.clock.now())))) return;
    this.backupNow().catch((error: unknown) => {
      if (!this.closed) this.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'daily backup failed');
    });
  }

  private async write(): Promise<string> {
    mkdirSync(this.directory, { recursive: true });
    const target = join(this.directory, backupFileName(this.clock.now()));
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    // Queued writes belong in the backup.
    this.flush();
    try {
      await this.db.backup(partial);
      if (this.closed) throw new Error('The store closed during the backup');
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    this.rotate();
    this.logger.info({ file: target }, 'database backed up');
    return target;
  }

  private rotate(): void {
    const backups = readdirSync(this.directory)
      .filter((name) => backupName.test(name))
      .sort()
      .reverse();
    for (const name of backups.slice(this.keep)) rmSync(join(this.directory, name), { force: true });
  }
}
