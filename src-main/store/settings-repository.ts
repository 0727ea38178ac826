import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../core/clock';
import { requireText } from './checks';
import { credentialPath } from './credentials-guard';
import type { WriteBatcher } from './write-batcher';

/**
 * Settings as key → JSON. Validation and defaults belong to the caller's schema; the store only
 * keeps what it is given and refuses anything named like a credential.
 */
export class SettingsRepository {
  private readonly upsert: Statement<[string, string, number]>;
  private readonly remove: Statement<[string]>;
  private readonly select: Statement<[string], { readonly value: string }>;

  public constructor(
    db: Database,
    private readonly batcher: WriteBatcher,
    private readonly clock: Clock,
  ) {
    this.upsert = db.prepare(`
      INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    this.remove = db.prepare('DELETE FROM settings WHERE key = ?');
    this.select = db.prepare('SELECT value FROM settings WHERE key = ?');
  }

  /** The stored value, or undefined when the key was never saved (or was saved as undefined). */
  public setting(key: string): unknown {
    this.batcher.flush();
    const row = this.select.get(key);
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  /** Queues a save; `undefined` removes the key. Throws for a credential or a value JSON cannot hold. */
  public saveSetting(key: string, value: unknown): void {
    requireText(key, 'setting key');
    const credential = credentialPath(key, value);
    if (credential !== undefined) throw new TypeError(`Setting ${credential} looks like a credential; credentials never go into the database`);
    // Throws here, at the caller, for a BigInt or a cycle.
    const json = value === undefined ? undefined : JSON.stringify(value);
    if (json === undefined) {
      this.batcher.enqueue(() => this.remove.run(key));
      return;
    }
    const now = this.clock.now();
    this.batcher.enqueue(() => this.upsert.run(key, json, now));
  }
}
