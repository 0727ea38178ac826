import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, migrations, schemaVersion } from './migrations';
import { StoreOpenError } from './store-errors';
import { aFill } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';

function tableNames(file: string): string[] {
  const db = new DatabaseConstructor(file, { readonly: true });
  const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  db.close();
  return names.map((row) => row.name);
}

describe('migrations', () => {
  const folder = useStoreFolder();

  it('creates every table on a fresh database and records the newest version', () => {
    // Act
    const store = folder.open();
    store.close();

    // Assert
    expect(tableNames(store.file)).toEqual(['accounts', 'audit', 'bar_ranges', 'bars', 'contracts', 'journal', 'settings']);
    const db = new DatabaseConstructor(store.file, { readonly: true });
    expect(schemaVersion(db)).toBe(latestVersion);
    db.close();
  });

  it('upgrades a version 1 database to the newest version and keeps its journal', () => {
    // Arrange
    const file = join(folder.path, 'terminal.db');
    const old = new DatabaseConstructor(file);
    migrate(old, migrations.slice(0, 1));
    const fill = aFill();
    old
      .prepare("INSERT INTO journal (kind, account_id, order_id, fill_id, time, final, at, body) VALUES ('fill', ?, ?, ?, ?, 0, ?, ?)")
      .run(fill.accountId, fill.orderId, fill.id, fill.time, fill.time, JSON.stringify(fill));
    old.close();

    // Act
    const store = folder.open();

    // Assert
    expect(store.fillsSince(fill.accountId, 0)).toEqual([fill]);
    expect(store.cachedBars({ contractId: 'C', unit: 'minute', unitNumber: 1 }, 0, 60_000).missing).toEqual([[0, 60_000]]);
    store.close();
    const db = new DatabaseConstructor(file, { readonly: true });
    expect(schemaVersion(db)).toBe(latestVersion);
    db.close();
  });

  it('refuses a database newer than the code and leaves its version as it was', () => {
    // Arrange
    const file = join(folder.path, 'terminal.db');
    const future = new DatabaseConstructor(file);
    future.pragma(`user_version = ${latestVersion + 1}`);
    future.close();

    // Act
    const opening = (): unknown => folder.open();

    // Assert
    expect(opening).toThrow(StoreOpenError);
    expect(opening).toThrow(/newer than this terminal understands/);
    try {
      opening();
    } catch (error) {
      expect(error).toMatchObject({ reason: 'newer-schema', file });
    }
    const db = new DatabaseConstructor(file, { readonly: true });
    expect(schemaVersion(db)).toBe(latestVersion + 1);
    db.close();
  });

  it('rolls back a failing step and leaves the database at the last completed version', () => {
    // Arrange
    const db = new DatabaseConstructor(join(folder.path, 'partial.db'));
    const broken = [
      ...migrations.slice(0, 1),
      {
        version: 2,
        name: 'half done',
        up: (database: typeof db) => {
          database.exec('CREATE TABLE half_done (id INTEGER)');
          throw new Error('disk full in the middle of a migration');
        },
      },
    ];

    // Act
    const migrating = (): unknown => migrate(db, broken);

    // Assert
    expect(migrating).toThrow(/disk full/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rejects a migration list whose versions are not consecutive', () => {
    // Arrange
    const db = new DatabaseConstructor(':memory:');
    const gap = [{ ...migrations[0], version: 2, name: 'misnumbered', up: () => undefined }];

    // Act / Assert
    expect(() => migrate(db, gap)).toThrow(/expected 1/);
    db.close();
  });
});
