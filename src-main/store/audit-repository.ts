import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry, AuditPage } from '../core/ports/store-port';
import type { AccountId } from '../../src-shared/domain/ids';
import { requireInteger, requireText } from './checks';
import { redactCredentials } from './credentials-guard';
import type { WriteBatcher } from './write-batcher';

type Row = {
  readonly id: number;
  readonly at: number;
  readonly account_id: number | null;
  readonly action: string;
  readonly actor: string;
  readonly detail: string;
};

/** Largest page `auditPage` returns, whatever the caller asks. */
export const maxAuditPage = 500;

/** The audit log: append-only, read newest first in pages with an id cursor. */
export class AuditRepository {
  private readonly insert: Statement<[number, number | null, string, string, string]>;
  private readonly pageAll: Statement<[number, number], Row>;
  private readonly pageAccount: Statement<[number, number, number], Row>;

  public constructor(
    db: Database,
    private readonly batcher: WriteBatcher,
  ) {
    this.insert = db.prepare('INSERT INTO audit (at, account_id, action, actor, detail) VALUES (?, ?, ?, ?, ?)');
    this.pageAll = db.prepare('SELECT id, at, account_id, action, actor, detail FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?');
    this.pageAccount = db.prepare('SELECT id, at, account_id, action, actor, detail FROM audit WHERE account_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
  }

  /** Queues an audit row; credential-like fields of the detail are stored as `[redacted]`. */
  public audit(entry: AuditEntry): void {
    requireInteger(entry.at, 'audit at');
    requireText(entry.action, 'audit action');
    requireText(entry.actor, 'audit actor');
    if (entry.accountId !== null) requireInteger(entry.accountId, 'audit accountId');
    const detail = JSON.stringify(redactCredentials(entry.detail));
    this.batcher.enqueue(() => this.insert.run(entry.at, entry.accountId, entry.action, entry.actor, detail));
  }

  /**
   * Up to `limit` rows older than the cursor `before` (null: from the newest), newest first;
   * `accountId` null means every account. `nextBefore` is the cursor of the next page, or null
   * after the last one.
   */
  public auditPage(accountId: AccountId | null, before: number | null, limit: number): AuditPage {
    this.batcher.flush();
    const size = Math.min(maxAuditPage, Math.max(1, Math.floor(limit) || 1));
    const cursor = before ?? Number.MAX_SAFE_INTEGER;
    // One extra row tells whether another page follows.
    const rows = accountId === null ? this.pageAll.all(cursor, size + 1) : this.pageAccount.all(accountId, cursor, size + 1);
    const entries = rows.slice(0, size).map((row) => ({
      id: row.id,
      at: row.at,
      accountId: row.account_id,
      action: row.action,
      actor: row.actor,
      detail: JSON.parse(row.detail) as Readonly<Record<string, unknown>>,
    }));
    const last = entries.at(-1);
    return { entries, nextBefore: rows.length > size && last !== undefined ? last.id : null };
  }
}
