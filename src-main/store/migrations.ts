import type { Database } from 'better-sqlite3';
import { StoreOpenError } from './store-errors';

/** One step of the schema; `version` is the `user_version` the database has after it. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

/**
 * Every schema step, in order. Append new steps; never edit a shipped one, because databases
 * on users' machines already ran it.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'journal, reference data, settings and audit log',
    up: (db) =>
      db.exec(`
        -- Append-only: rows are inserted, never updated or deleted.
        CREATE TABLE journal (
          seq        INTEGER PRIMARY KEY,
          kind       TEXT    NOT NULL CHECK (kind IN ('order', 'fill')),
          account_id INTEGER NOT NULL,
          order_id   INTEGER NOT NULL,
          fill_id    INTEGER,
          time       INTEGER NOT NULL, -- the fill's time, or the order version's updatedAt
          final      INTEGER NOT NULL CHECK (final IN (0, 1)),
          at         INTEGER NOT NULL, -- when the terminal journaled it
          body       TEXT    NOT NULL, -- the view as JSON
          CHECK ((kind = 'fill') = (fill_id IS NOT NULL))
        );
        CREATE UNIQUE INDEX journal_fill_id ON journal (fill_id) WHERE fill_id IS NOT NULL;
        CREATE INDEX journal_fills_by_account ON journal (account_id, time) WHERE kind = 'fill';
        CREATE INDEX journal_orders_by_account ON journal (account_id, order_id, seq) WHERE kind = 'order';

        CREATE TABLE accounts (
          id         INTEGER PRIMARY KEY,
          body       TEXT    NOT NULL,
          updated_at INTEGER NOT NULL
        );

        CREATE TABLE contracts (
          id         TEXT    PRIMARY KEY,
          body       TEXT    NOT NULL,
          updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE settings (
          key        TEXT    PRIMARY KEY,
          value      TEXT    NOT NULL,
          updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- AUTOINCREMENT so an id is never reused and paging cursors stay valid.
        CREATE TABLE audit (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          at         INTEGER NOT NULL,
          account_id INTEGER,
          action     TEXT    NOT NULL,
          actor      TEXT    NOT NULL,
          detail     TEXT    NOT NULL
        );
        CREATE INDEX audit_by_account ON audit (account_id, id);
      `),
  },
  {
    version: 2,
    name: 'bars cache with covered ranges',
    up: (db) =>
      db.exec(`
        CREATE TABLE bars (
          contract_id TEXT    NOT NULL,
          unit        TEXT    NOT NULL,
          unit_number INTEGER NOT NULL,
          time        INTEGER NOT NULL,
          open        INTEGER NOT NULL,
          high        INTEGER NOT NULL,
          low         INTEGER NOT NULL,
          close       INTEGER NOT NULL,
          volume      INTEGER NOT NULL,
          PRIMARY KEY (contract_id, unit, unit_number, time)
        ) WITHOUT ROWID;

        -- Covered [from_ms, to_ms) ranges of a series; kept merged, so they never overlap or touch.
        CREATE TABLE bar_ranges (
          contract_id TEXT    NOT NULL,
          unit        TEXT    NOT NULL,
          unit_number INTEGER NOT NULL,
          from_ms     INTEGER NOT NULL,
          to_ms       INTEGER NOT NULL CHECK (to_ms > from_ms),
          PRIMARY KEY (contract_id, unit, unit_number, from_ms)
        ) WITHOUT ROWID;
      `),
  },
];

/** The schema version this code writes. */
export const latestVersion = migrations.length;

/** The database's schema version (SQLite's `user_version`; 0 for a new file). */
export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database to the newest version, one transaction per step, so a crash in the middle
 * leaves the last completed version. Refuses a database newer than this code.
 */
export function migrate(db: Database, steps: readonly Migration[] = migrations): { readonly from: number; readonly to: number } {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`Migration ${step.name} has version ${step.version}, expected ${index + 1}`);
  });
  const from = schemaVersion(db);
  if (from > steps.length) {
    throw new StoreOpenError(
      'newer-schema',
      db.name,
      `The database ${db.name} has schema version ${from}, newer than this terminal understands (${steps.length}). Update the terminal; the file was left as it is.`,
    );
  }
  for (const step of steps.slice(from)) {
    db.transaction(() => {
      step.up(db);
      // user_version lives in the file header, which is part of the transaction.
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, steps.length) };
}
