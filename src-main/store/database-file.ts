import { existsSync, renameSync } from 'node:fs';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { latestVersion, migrate, schemaVersion } from './migrations';
import { openFailure, StoreOpenError } from './store-errors';

/**
 * How hard a commit waits for the disk. `full` fsyncs the WAL on every commit (one fsync per
 * batched turn), so a committed write survives a power cut too; `normal` survives a crash of the
 * process but may lose the last commits on an OS crash or power loss.
 */
export type Durability = 'full' | 'normal';

/**
 * Opens (creating if needed) the database file, sets the pragmas and migrates it. Throws
 * `StoreOpenError` naming the file when it is damaged, unreadable or newer than this code.
 */
export function openDatabaseFile(file: string, durability: Durability): Database {
  if (existsSync(file)) probe(file);
  let db: Database | undefined;
  try {
    db = new DatabaseConstructor(file, { timeout: 5000 });
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`);
    db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    // Caps the WAL file left after a checkpoint; 64 MiB.
    db.pragma('journal_size_limit = 67108864');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw openFailure(file, error);
  }
}

/**
 * Checks an existing file through a read-only connection first: a read-write connection that
 * fails would still delete the file's WAL on close, and the WAL may hold the newest commits.
 */
function probe(file: string): void {
  let db: Database | undefined;
  try {
    db = new DatabaseConstructor(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    // Reads the header and the whole schema, so a damaged schema page fails now.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const version = schemaVersion(db);
    if (version > latestVersion) {
      throw new StoreOpenError(
        'newer-schema',
        file,
        `The database ${file} has schema version ${version}, newer than this terminal understands (${latestVersion}). Update the terminal; the file was left as it is.`,
      );
    }
  } catch (error) {
    throw openFailure(file, error);
  } finally {
    db?.close();
  }
}

/**
 * Renames a damaged database (and its WAL and shared-memory files) to
 * `<file>.corrupt-<stamp>` so a fresh one can be created without destroying the old bytes.
 * Returns the new name of the main file.
 */
export function moveAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replaceAll(':', '-').replace('.', '-');
  const target = `${file}.corrupt-${stamp}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${target}${suffix}`);
  }
  return target;
}
