import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import type { FillView, OrderView } from '../../../src-shared/domain/trading';
import { openStore, type OpenStoreOptions, type SqliteStore } from '../open-store';

/** A fresh temporary folder and a way to remove it. */
export function temporaryDirectory(prefix = 'store-test-'): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Opens a store in the folder with backups off unless the options say otherwise. */
export function openTestStore(dataDir: string, options: Partial<OpenStoreOptions> = {}): SqliteStore {
  return openStore({ backups: false, dataDir, ...options });
}

/** A fill with plausible values; override what the test is about. */
export function aFill(overrides: Partial<FillView> = {}): FillView {
  return {
    id: 9_000_000_001,
    accountId: 1001,
    contractId: 'CON.F.US.EP.Z26',
    orderId: 5_000_000_001,
    side: 'buy',
    size: 1,
    priceTicks: 27_000,
    realizedCents: null,
    feesCents: 140,
    voided: false,
    time: 1_800_000_000_000,
    ...overrides,
  };
}

/** A working limit order with plausible values; override what the test is about. */
export function anOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 5_000_000_001,
    accountId: 1001,
    contractId: 'CON.F.US.EP.Z26',
    type: 'limit',
    side: 'buy',
    size: 1,
    status: 'open',
    limitTicks: 26_990,
    stopTicks: null,
    trailTicks: null,
    filledSize: 0,
    averageFillTicks: null,
    customTag: 'tag-1',
    parentOrderId: null,
    linkedOrderId: null,
    createdAt: 1_800_000_000_000,
    updatedAt: 1_800_000_000_000,
    ...overrides,
  };
}

/** Runs a read-only query on a database file through its own connection, as another process would see it. */
export function queryFile<Row>(file: string, sql: string, ...parameters: unknown[]): Row[] {
  const db = new DatabaseConstructor(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<unknown[], Row>(sql).all(...parameters);
  } finally {
    db.close();
  }
}
