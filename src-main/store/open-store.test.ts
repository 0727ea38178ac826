import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../core/clock';
import { openDatabaseFile } from './database-file';
import { StoreOpenError } from './store-errors';
import { aFill } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';

const notADatabase = 'these bytes are the user data of a file that is not SQLite';

function openingError(open: () => unknown): StoreOpenError {
  try {
    open();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('expected the store to refuse the file');
}

describe('opening the store', () => {
  const folder = useStoreFolder();

  it('creates the data folder and the database in WAL mode', () => {
    // Arrange
    const dataDir = join(folder.path, 'nested', 'data');

    // Act
    const store = folder.open({ dataDir });
    store.journal({ kind: 'fill', fill: aFill(), at: 1 });
    store.flush();

    // Assert
    expect(store.file).toBe(join(dataDir, 'terminal.db'));
    expect(existsSync(`${store.file}-wal`)).toBe(true);
  });

  it('sets the pragmas of the chosen durability', () => {
    // Arrange
    const file = join(folder.path, 'pragmas.db');

    // Act
    const full = openDatabaseFile(file, 'full');
    const fullPragmas = [
      full.pragma('journal_mode', { simple: true }),
      full.pragma('synchronous', { simple: true }),
      full.pragma('foreign_keys', { simple: true }),
      full.pragma('busy_timeout', { simple: true }),
    ];
    full.close();
    const normal = openDatabaseFile(file, 'normal');
    const normalSynchronous = normal.pragma('synchronous', { simple: true });
    normal.close();

    // Assert: synchronous 2 is FULL, 1 is NORMAL.
    expect(fullPragmas).toEqual(['wal', 2, 1, 5000]);
    expect(normalSynchronous).toBe(1);
  });

  it('refuses a file that is not a database with an error naming it, and leaves it and its WAL alone', () => {
    // Arrange
    const file = join(folder.path, 'terminal.db');
    writeFileSync(file, notADatabase.repeat(100));
    writeFileSync(`${file}-wal`, 'the newest commits may live here');

    // Act
    const error = openingError(() => folder.open());

    // Assert
    expect(error.reason).toBe('corrupt');
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(notADatabase.repeat(100));
    expect(readFileSync(`${file}-wal`, 'utf8')).toBe('the newest commits may live here');
  });

  it('refuses a database whose schema page is damaged', () => {
    // Arrange
    const store = folder.open();
    store.close();
    const descriptor = openSync(store.file, 'r+');
    // Past the 100-byte file header: the page that lists the tables.
    writeSync(descriptor, Buffer.alloc(3000, 0xa5), 0, 3000, 100);
    closeSync(descriptor);

    // Act
    const error = openingError(() => folder.open());

    // Assert
    expect(error.reason).toBe('corrupt');
  });

  it('moves a damaged database aside and starts an empty one when told to', () => {
    // Arrange
    const file = join(folder.path, 'terminal.db');
    writeFileSync(file, notADatabase.repeat(100));
    writeFileSync(`${file}-wal`, 'stale wal');
    const clock = new TestClock(Date.UTC(2027, 0, 15, 12, 30, 5, 250));

    // Act
    const store = folder.open({ onCorrupt: 'move-aside', clock });
    store.saveSetting('chart.theme', 'dark');

    // Assert
    const movedAside = join(folder.path, 'terminal.db.corrupt-2027-01-15T12-30-05-250Z');
    expect(store.movedAside).toBe(movedAside);
    expect(readFileSync(movedAside, 'utf8')).toBe(notADatabase.repeat(100));
    expect(readFileSync(`${movedAside}-wal`, 'utf8')).toBe('stale wal');
    expect(store.setting('chart.theme')).toBe('dark');
  });

  it('never moves aside a database that is only newer than the code', () => {
    // Arrange
    const first = folder.open();
    first.close();
    const future = openDatabaseFile(first.file, 'full');
    future.pragma('user_version = 999');
    future.close();

    // Act
    const error = openingError(() => folder.open({ onCorrupt: 'move-aside' }));

    // Assert
    expect(error.reason).toBe('newer-schema');
    expect(readdirSync(folder.path).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('reports a database path it cannot open as unreadable', () => {
    // Arrange: a folder where the file should be.
    mkdirSync(join(folder.path, 'terminal.db'));

    // Act
    const error = openingError(() => folder.open());

    // Assert
    expect(error.reason).toBe('unreadable');
    expect(error.message).toContain(join(folder.path, 'terminal.db'));
  });

  it('closes once even when closed twice', () => {
    // Arrange
    const store = folder.open();

    // Act / Assert
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
