import { setImmediate as nextTurn } from 'node:timers/promises';
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../core/logger';
import { aFill, queryFile } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';
import { WriteBatcher } from './write-batcher';

const at = 1_800_000_000_000;

function fillRowsSeenByAnotherConnection(file: string): number {
  return queryFile<{ n: number }>(file, "SELECT count(*) AS n FROM journal WHERE kind = 'fill'")[0]?.n ?? 0;
}

function recordingLogger(): Logger & { readonly errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (_fields, message) => errors.push(message) };
}

describe('write batching', () => {
  const folder = useStoreFolder();

  it('commits every write of one event-loop turn in a single transaction at the end of the turn', async () => {
    // Arrange
    const store = folder.open();

    // Act
    for (let id = 1; id <= 1000; id++) store.journal({ kind: 'fill', fill: aFill({ id }), at });
    const seenDuringTurn = fillRowsSeenByAnotherConnection(store.file);
    await nextTurn();

    // Assert
    expect(seenDuringTurn).toBe(0);
    expect(fillRowsSeenByAnotherConnection(store.file)).toBe(1000);
    expect(store.writeStats()).toEqual({ transactions: 1, committed: 1000, failed: 0, queued: 0 });
  });

  it('commits early when the queue reaches its limit', async () => {
    // Arrange
    const store = folder.open({ maxQueuedWrites: 100 });

    // Act
    for (let id = 1; id <= 250; id++) store.journal({ kind: 'fill', fill: aFill({ id }), at });
    const seenDuringTurn = fillRowsSeenByAnotherConnection(store.file);
    const queuedDuringTurn = store.writeStats().queued;
    await nextTurn();

    // Assert
    expect(seenDuringTurn).toBe(200);
    expect(queuedDuringTurn).toBe(50);
    expect(store.writeStats().transactions).toBe(3);
    expect(fillRowsSeenByAnotherConnection(store.file)).toBe(250);
  });

  it('commits queued writes at once on flush', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'fill', fill: aFill(), at });

    // Act
    store.flush();

    // Assert
    expect(fillRowsSeenByAnotherConnection(store.file)).toBe(1);
  });

  it('lets reads see writes queued in the same turn', () => {
    // Arrange
    const store = folder.open();

    // Act
    store.journal({ kind: 'fill', fill: aFill(), at });

    // Assert
    expect(store.fillsSince(aFill().accountId, 0)).toHaveLength(1);
  });

  it('commits queued writes on close and refuses writes after it', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'fill', fill: aFill(), at });

    // Act
    store.close();

    // Assert
    expect(fillRowsSeenByAnotherConnection(store.file)).toBe(1);
    expect(() => store.journal({ kind: 'fill', fill: aFill({ id: 2 }), at })).toThrow(/closed/);
  });

  it('drops and logs a failing write while the rest of its batch commits, and reports the rollbacks', () => {
    // Arrange
    const db = new DatabaseConstructor(':memory:');
    db.exec('CREATE TABLE numbers (value INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO numbers (value) VALUES (?)');
    const logger = recordingLogger();
    const batcher = new WriteBatcher(db, logger, 100);

    // Act
    let rollbacks = 0;
    batcher.onRollback(() => rollbacks++);
    batcher.enqueue(() => insert.run(1));
    batcher.enqueue(() => insert.run(null));
    batcher.enqueue(() => insert.run(3));
    batcher.flush();

    // Assert
    expect(db.prepare('SELECT value FROM numbers ORDER BY value').pluck().all()).toEqual([1, 3]);
    expect(batcher.stats()).toMatchObject({ committed: 2, failed: 1 });
    expect(rollbacks).toBe(2);
    expect(logger.errors).toEqual(['store batch failed; retrying its writes one by one', 'store write failed and was dropped']);
    db.close();
  });
});
