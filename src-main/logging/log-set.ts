import { createFileLogger, defaultRotation, logsDirectory, type FileLogger, type LogRotation } from './create-logger';

/** The terminal's log files: the app, the broker link, and the risk manager's enforcement. */
export interface LogSet {
  readonly app: FileLogger;
  readonly broker: FileLogger;
  readonly enforcement: FileLogger;
  /** The folder the files are in (the menu's "Open logs folder"). */
  readonly directory: string;
  /** Closes every file; safe to call more than once. */
  close(): Promise<void>;
}

/** The names of the log files, `<name>.<date>.<n>.log` in `<dataDir>/logs`. */
export const logNames = ['app', 'broker', 'enforcement'] as const;

/** Opens the three rolling JSON logs of a data folder; both hosts write the same ones. */
export function openLogSet(dataDir: string, rotation: LogRotation = defaultRotation): LogSet {
  const app = createFileLogger(dataDir, 'app', rotation);
  const broker = createFileLogger(dataDir, 'broker', rotation);
  const enforcement = createFileLogger(dataDir, 'enforcement', rotation);
  let closing: Promise<void> | undefined;
  return {
    app,
    broker,
    enforcement,
    directory: logsDirectory(dataDir),
    close: () => {
      closing ??= Promise.all([app.close(), broker.close(), enforcement.close()]).then(() => undefined);
      return closing;
    },
  };
}
