import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from '../core/logger';

/** Field paths that may hold secrets; pino replaces their values before anything is written. */
export const redactedPaths = [
  'token',
  'apiKey',
  'password',
  'authorization',
  '*.token',
  '*.apiKey',
  '*.password',
  '*.authorization',
  'headers.authorization',
];

/** A JSON logger writing to `<dataDir>/logs/<name>.log`. */
export function createFileLogger(dataDir: string, name: string): Logger & { close(): Promise<void> } {
  const directory = join(dataDir, 'logs');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const destination = pino.destination({ dest: join(directory, `${name}.log`), sync: false, mkdir: true });
  const logger = pino({ base: { pid: process.pid }, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
  return {
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    // Writes whatever is buffered and closes the file; safe before the file has even opened.
    close: () =>
      new Promise<void>((resolve) => {
        destination.once('close', () => resolve());
        destination.once('error', () => resolve());
        destination.end();
      }),
  };
}
