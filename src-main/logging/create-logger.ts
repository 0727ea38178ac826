import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import type { Logger } from '../core/logger';
import { scrubSecrets, scrubText } from './scrub-secrets';

/** A logger that owns a file; `close` writes what is buffered and releases it. */
export interface FileLogger extends Logger {
  close(): Promise<void>;
}

/** When a log file is rolled over and how many old ones are kept. */
export interface LogRotation {
  /** A file is rolled when it reaches this size. */
  readonly maxBytes: number;
  /** Rolled files kept besides the current one; older ones are deleted. */
  readonly keep: number;
  /** Also start a new file every day. */
  readonly daily: boolean;
}

/** 10 MB per file, 10 old files, a new file each day. */
export const defaultRotation: LogRotation = { maxBytes: 10 * 1024 * 1024, keep: 10, daily: true };

/** Lines held while the file opens; past this the oldest are dropped rather than growing without end. */
const maxPendingLines = 10_000;

/** The logs folder of a data folder. */
export function logsDirectory(dataDir: string): string {
  return join(dataDir, 'logs');
}

/**
 * A JSON logger writing to `<dataDir>/logs/<name>.<yyyy-MM-dd>.<n>.log`, rolled by size and day,
 * with credentials and tokens replaced before anything is written. The file opens in the
 * background; lines logged before then are written once it is open.
 */
export function createFileLogger(dataDir: string, name: string, rotation: LogRotation = defaultRotation): FileLogger {
  const directory = logsDirectory(dataDir);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const pending: string[] = [];
  let stream: Awaited<ReturnType<typeof pinoRoll>> | undefined;
  let failed = false;
  const opened = pinoRoll({
    file: join(directory, name),
    extension: '.log',
    size: `${Math.max(1, Math.round(rotation.maxBytes / 1024))}k`,
    ...(rotation.daily ? { frequency: 'daily' as const, dateFormat: 'yyyy-MM-dd' } : {}),
    limit: { count: rotation.keep, removeOtherLogFiles: true },
    mkdir: true,
    mode: 0o600,
  }).then(
    (rolling) => {
      // A failed write (disk full) must not crash the terminal: the line is lost, trading goes on.
      rolling.on('error', () => undefined);
      stream = rolling;
      for (const line of pending.splice(0)) rolling.write(line);
    },
    (error: unknown) => {
      failed = true;
      pending.length = 0;
      process.stderr.write(`logging: cannot open ${join(directory, name)}: ${error instanceof Error ? error.message : String(error)}\n`);
    },
  );
  const destination = {
    write(line: string): void {
      if (stream !== undefined) stream.write(line);
      else if (!failed) {
        if (pending.length >= maxPendingLines) pending.shift();
        pending.push(line);
      }
    },
  };
  const logger = pino({ base: { pid: process.pid, log: name }, formatters: { log: (fields) => scrubSecrets(fields) as Record<string, unknown> } }, destination);
  let closing: Promise<void> | undefined;
  return {
    info: (fields, message) => logger.info(fields, scrubText(message)),
    warn: (fields, message) => logger.warn(fields, scrubText(message)),
    error: (fields, message) => logger.error(fields, scrubText(message)),
    // Writes whatever is buffered and closes the file; safe before the file has even opened.
    close: () => {
      closing ??= opened.then(
        () =>
          new Promise<void>((resolve) => {
            const rolling = stream;
            if (rolling === undefined) return resolve();
            rolling.once('close', () => resolve());
            rolling.once('error', () => resolve());
            rolling.end();
          }),
      );
      return closing;
    },
  };
}
