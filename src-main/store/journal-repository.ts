import type { Database, Statement } from 'better-sqlite3';
import type { JournalEntry } from '../core/ports/store-port';
import type { AccountId, EpochMs } from '../../src-shared/domain/ids';
import { isFinalStatus, type FillView, type OrderView } from '../../src-shared/domain/trading';
import { requireInteger } from './checks';
import type { WriteBatcher } from './write-batcher';

type Row = { readonly body: string };

/** Orders whose last journaled version is remembered in memory (least recently written dropped first). */
const rememberedOrders = 10_000;

/**
 * The append-only journal of order versions and fills. A fill is stored once (unique fill id);
 * every distinct version of an order is kept, and a version identical to the order's last
 * journaled one (a reconciliation re-reading open orders) is skipped.
 */
export class JournalRepository {
  private readonly insertFill: Statement<[number, number, number, number, EpochMs, string]>;
  private readonly insertOrder: Statement<[number, number, EpochMs, number, EpochMs, string]>;
  private readonly markVoided: Statement<[number]>;
  private readonly selectLatestBody: Statement<[number, number], string>;
  private readonly selectFills: Statement<[AccountId, EpochMs], Row>;
  private readonly selectWorking: Statement<[AccountId], Row>;
  /** Order id → body of its last journaled version; spares a lookup per order event. */
  private readonly lastVersions = new Map<number, string>();

  public constructor(
    db: Database,
    private readonly batcher: WriteBatcher,
  ) {
    this.insertFill = db.prepare(`
      INSERT INTO journal (kind, account_id, order_id, fill_id, time, final, at, body)
      VALUES ('fill', ?, ?, ?, ?, 0, ?, ?)
      ON CONFLICT (fill_id) WHERE fill_id IS NOT NULL DO NOTHING`);
    this.markVoided = db.prepare(`UPDATE journal SET body = json_set(body, '$.voided', json('true')) WHERE kind = 'fill' AND fill_id = ?`);
    this.insertOrder = db.prepare(`
      INSERT INTO journal (kind, account_id, order_id, fill_id, time, final, at, body)
      VALUES ('order', ?, ?, NULL, ?, ?, ?, ?)`);
    // A separate lookup: an INSERT ... SELECT reading its own table goes through a temporary
    // table and measured twice as slow.
    this.selectLatestBody = db
      .prepare<[number, number], string>(
        `SELECT body FROM journal WHERE seq = (SELECT max(seq) FROM journal WHERE kind = 'order' AND account_id = ? AND order_id = ?)`,
      )
      .pluck();
    // A rolled-back batch may have remembered versions that were never stored.
    batcher.onRollback(() => this.lastVersions.clear());
    this.selectFills = db.prepare(`
      SELECT body FROM journal
      WHERE kind = 'fill' AND account_id = ? AND time >= ?
      ORDER BY time, fill_id`);
    // Latest version by the order's own updatedAt (journal order breaks ties), so a stale
    // snapshot journaled late cannot win; an order with any final version is never working,
    // because final states are never left.
    this.selectWorking = db.prepare(`
      SELECT body FROM journal WHERE seq IN (
        SELECT seq FROM (
          SELECT seq,
                 row_number() OVER (PARTITION BY order_id ORDER BY time DESC, seq DESC) AS recency,
                 max(final) OVER (PARTITION BY order_id) AS ever_final
          FROM journal WHERE kind = 'order' AND account_id = ?
        ) WHERE recency = 1 AND ever_final = 0)
      ORDER BY json_extract(body, '$.createdAt'), order_id`);
  }

  /** Queues an entry; see the class comment for duplicates. */
  public journal(entry: JournalEntry): void {
    requireInteger(entry.at, 'journal entry at');
    if (entry.kind === 'fill') this.journalFill(entry.fill, entry.at);
    else if (entry.kind === 'void') this.voidFill(entry.fill);
    else this.journalOrder(entry.order, entry.at);
  }

  /** Fills of an account at or after `since`, oldest first. */
  public fillsSince(accountId: AccountId, since: EpochMs): FillView[] {
    this.batcher.flush();
    return this.selectFills.all(accountId, since).map((row) => JSON.parse(row.body) as FillView);
  }

  /** The latest version of each order of the account that has not reached a final state. */
  public workingOrders(accountId: AccountId): OrderView[] {
    this.batcher.flush();
    return this.selectWorking.all(accountId).map((row) => JSON.parse(row.body) as OrderView);
  }

  /**
   * Marks a journaled fill voided (a busted trade). The one change the journal allows to a stored
   * row: the fill is still there, but counts nowhere (round trips, the day's figures).
   */
  private voidFill(fill: FillView): void {
    requireInteger(fill.id, 'fill id');
    this.batcher.enqueue(() => this.markVoided.run(fill.id));
  }

  private journalFill(fill: FillView, at: EpochMs): void {
    requireInteger(fill.id, 'fill id');
    requireInteger(fill.accountId, 'fill accountId');
    requireInteger(fill.orderId, 'fill orderId');
    requireInteger(fill.time, 'fill time');
    const body = JSON.stringify(fill);
    this.batcher.enqueue(() => this.insertFill.run(fill.accountId, fill.orderId, fill.id, fill.time, at, body));
  }

  private journalOrder(order: OrderView, at: EpochMs): void {
    requireInteger(order.id, 'order id');
    requireInteger(order.accountId, 'order accountId');
    requireInteger(order.updatedAt, 'order updatedAt');
    const body = JSON.stringify(order);
    const final = isFinalStatus(order.status) ? 1 : 0;
    this.batcher.enqueue(() => {
      const last = this.lastVersions.get(order.id) ?? this.selectLatestBody.get(order.accountId, order.id);
      if (last !== body) this.insertOrder.run(order.accountId, order.id, order.updatedAt, final, at, body);
      this.remember(order.id, body);
    });
  }

  private remember(orderId: number, body: string): void {
    // Re-inserting moves the order to the newest end of the map's order.
    this.lastVersions.delete(orderId);
    this.lastVersions.set(orderId, body);
    if (this.lastVersions.size > rememberedOrders) {
      const oldest = this.lastVersions.keys().next();
      if (oldest.done !== true) this.lastVersions.delete(oldest.value);
    }
  }
}
