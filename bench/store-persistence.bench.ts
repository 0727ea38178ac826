import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalEntry } from '../src-main/core/ports/store-port';
import { openDatabaseFile, type Durability } from '../src-main/store/database-file';
import { openStore } from '../src-main/store/open-store';
import type { FillView, OrderView } from '../src-shared/domain/trading';
import { median, round, type Benchmark } from './bench-harness';

// Each round trip is three events: the order working, its fill, the order filled.
const roundTrips = 66_667;
// Events the core hands over per event-loop turn; the store commits once per turn.
const eventsPerTurn = 1_000;
const runs = 3;
const at = 1_800_000_000_000;

/** Order and fill events persisted through the store's batched journal, next to raw better-sqlite3 inserts of the same rows. */
export const storePersistenceBenchmark: Benchmark = {
  name: 'store-persistence',
  async run() {
    const entries = journalEntries();
    const raw: number[] = [];
    const full: number[] = [];
    const normal: number[] = [];
    for (let index = 0; index < runs; index++) {
      raw.push(rawInsertsPerSecond(entries));
      full.push(await storeEventsPerSecond(entries, 'full'));
      normal.push(await storeEventsPerSecond(entries, 'normal'));
    }
    const storeFull = median(full);
    return {
      events: entries.length,
      eventsPerTurn,
      runs,
      rawOneTransactionPerSecond: Math.round(median(raw)),
      storeFullPerSecond: Math.round(storeFull),
      storeNormalPerSecond: Math.round(median(normal)),
      storeFullRatioToRaw: round(storeFull / median(raw)),
      targetPerSecond: 50_000,
      meetsTarget: storeFull >= 50_000,
    };
  },
};

function journalEntries(): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let index = 0; index < roundTrips; index++) {
    const orderId = 5_000_000_000 + index;
    const time = at + index;
    const working: OrderView = {
      id: orderId,
      accountId: 1001,
      contractId: 'CON.F.US.EP.Z26',
      type: 'market',
      side: index % 2 === 0 ? 'buy' : 'sell',
      size: 1,
      status: 'open',
      limitTicks: null,
      stopTicks: null,
      trailTicks: null,
      filledSize: 0,
      averageFillTicks: null,
      customTag: `bench-${index}`,
      parentOrderId: null,
      linkedOrderId: null,
      createdAt: time,
      updatedAt: time,
    };
    const fill: FillView = {
      id: 9_000_000_000 + index,
      accountId: 1001,
      contractId: 'CON.F.US.EP.Z26',
      orderId,
      side: working.side,
      size: 1,
      priceTicks: 27_000 + (index % 40),
      realizedCents: index % 2 === 0 ? null : 1250,
      feesCents: 140,
      voided: false,
      time,
    };
    const filled: OrderView = { ...working, status: 'filled', filledSize: 1, averageFillTicks: fill.priceTicks, updatedAt: time + 1 };
    entries.push({ kind: 'order', order: working, at: time }, { kind: 'fill', fill, at: time }, { kind: 'order', order: filled, at: time + 1 });
  }
  return entries;
}

async function storeEventsPerSecond(entries: readonly JournalEntry[], durability: Durability): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const store = openStore({ dataDir, durability, backups: false });
  const started = performance.now();
  for (let offset = 0; offset < entries.length; offset += eventsPerTurn) {
    for (const entry of entries.slice(offset, offset + eventsPerTurn)) store.journal(entry);
    // The store's commit was scheduled first in this turn's check phase, so it runs before this resolves.
    await new Promise((resolve) => setImmediate(resolve));
  }
  store.flush();
  const elapsed = performance.now() - started;
  const committed = store.writeStats().committed;
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (committed !== entries.length) throw new Error(`store committed ${committed} of ${entries.length} events`);
  return (entries.length / elapsed) * 1000;
}

type RawRow = [kind: string, accountId: number, orderId: number, fillId: number | null, time: number, final: number, at: number, body: string];

function rawInsertsPerSecond(entries: readonly JournalEntry[]): number {
  const rows = entries.map((entry): RawRow =>
    entry.kind !== 'order'
      ? ['fill', entry.fill.accountId, entry.fill.orderId, entry.fill.id, entry.fill.time, 0, entry.at, JSON.stringify(entry.fill)]
      : [
          'order',
          entry.order.accountId,
          entry.order.id,
          null,
          entry.order.updatedAt,
          entry.order.status === 'filled' ? 1 : 0,
          entry.at,
          JSON.stringify(entry.order),
        ],
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  // Same file settings and schema as the store, without the store around it.
  const db = openDatabaseFile(join(dataDir, 'terminal.db'), 'full');
  const insert = db.prepare<RawRow>('INSERT INTO journal (kind, account_id, order_id, fill_id, time, final, at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertAll = db.transaction(() => {
    for (const row of rows) insert.run(...row);
  });
  const started = performance.now();
  insertAll();
  const elapsed = performance.now() - started;
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  return (rows.length / elapsed) * 1000;
}
