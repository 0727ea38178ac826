import { describe, expect, it } from 'vitest';
import { aFill, anOrder, queryFile } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';

const at = 1_800_000_000_500;

describe('journal', () => {
  const folder = useStoreFolder();

  it('records a fill journaled twice only once', () => {
    // Arrange
    const store = folder.open();
    const fill = aFill();

    // Act
    store.journal({ kind: 'fill', fill, at });
    store.journal({ kind: 'fill', fill, at: at + 1 });
    store.flush();
    store.journal({ kind: 'fill', fill, at: at + 2 });

    // Assert
    expect(store.fillsSince(fill.accountId, 0)).toEqual([fill]);
  });

  it('ignores a replayed fill after a restart, as a reconciliation after start replays recent fills', () => {
    // Arrange
    const first = folder.open();
    const early = aFill({ id: 1, time: 1000 });
    first.journal({ kind: 'fill', fill: early, at });
    first.close();
    const second = folder.open();
    const whileClosed = aFill({ id: 2, time: 2000 });

    // Act
    second.journal({ kind: 'fill', fill: early, at });
    second.journal({ kind: 'fill', fill: whileClosed, at });

    // Assert
    expect(second.fillsSince(early.accountId, 0).map((fill) => fill.id)).toEqual([1, 2]);
  });

  it('marks a journaled fill voided when the broker busts it, and keeps it voided after a restart', () => {
    const first = folder.open();
    const busted = aFill({ id: 7, time: 1000 });
    first.journal({ kind: 'fill', fill: busted, at });
    first.journal({ kind: 'void', fill: { ...busted, voided: true }, at });
    first.close();

    const stored = folder.open().fillsSince(busted.accountId, 0);

    expect(stored.map((fill) => [fill.id, fill.voided])).toEqual([[7, true]]);
  });

  it('returns the fills of one account at or after a time, oldest first', () => {
    // Arrange
    const store = folder.open();
    const fills = [aFill({ id: 3, time: 3000 }), aFill({ id: 1, time: 1000 }), aFill({ id: 2, time: 2000 }), aFill({ id: 4, time: 2000, accountId: 2002 })];
    for (const fill of fills) store.journal({ kind: 'fill', fill, at });

    // Act
    const since = store.fillsSince(1001, 2000);

    // Assert
    expect(since.map((fill) => fill.id)).toEqual([2, 3]);
  });

  it('keeps fill ids beyond 2^31 exact', () => {
    // Arrange
    const store = folder.open();
    const fill = aFill({ id: 2 ** 52 + 1, orderId: 2 ** 40 + 7 });

    // Act
    store.journal({ kind: 'fill', fill, at });

    // Assert
    expect(store.fillsSince(fill.accountId, 0)[0]).toEqual(fill);
  });

  it('lists the latest version of each working order, oldest order first', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'order', order: anOrder({ id: 1, status: 'pending', updatedAt: 100 }), at });
    store.journal({ kind: 'order', order: anOrder({ id: 1, status: 'open', limitTicks: 26_980, updatedAt: 200 }), at });
    store.journal({ kind: 'order', order: anOrder({ id: 2, status: 'open', createdAt: 50, updatedAt: 150 }), at });

    // Act
    const working = store.workingOrders(1001);

    // Assert
    expect(working).toEqual([
      anOrder({ id: 2, status: 'open', createdAt: 50, updatedAt: 150 }),
      anOrder({ id: 1, status: 'open', limitTicks: 26_980, updatedAt: 200 }),
    ]);
  });

  it('leaves out an order whose latest version is final', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'order', order: anOrder({ id: 1, status: 'open', updatedAt: 100 }), at });
    store.journal({ kind: 'order', order: anOrder({ id: 1, status: 'filled', filledSize: 1, updatedAt: 200 }), at });

    // Act
    const working = store.workingOrders(1001);

    // Assert
    expect(working).toEqual([]);
  });

  it('keeps an order final when a stale open version is journaled after its fill', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'order', order: anOrder({ id: 1, status: 'cancelled', updatedAt: 300 }), at });
    store.journal({ kind: 'order', order: anOrder({ id: 1, status: 'open', updatedAt: 100 }), at });

    // Act
    const working = store.workingOrders(1001);

    // Assert
    expect(working).toEqual([]);
  });

  it('prefers the version with the later updatedAt over the one journaled last', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'order', order: anOrder({ id: 1, limitTicks: 26_950, updatedAt: 300 }), at });
    store.journal({ kind: 'order', order: anOrder({ id: 1, limitTicks: 26_990, updatedAt: 100 }), at });

    // Act
    const working = store.workingOrders(1001);

    // Assert
    expect(working.map((order) => order.limitTicks)).toEqual([26_950]);
  });

  it('lists only the orders of the account asked for', () => {
    // Arrange
    const store = folder.open();
    store.journal({ kind: 'order', order: anOrder({ id: 1, accountId: 1001 }), at });
    store.journal({ kind: 'order', order: anOrder({ id: 2, accountId: 2002 }), at });

    // Act
    const working = store.workingOrders(2002);

    // Assert
    expect(working.map((order) => order.id)).toEqual([2]);
  });

  it('keeps every distinct order version but skips an unchanged one journaled again', () => {
    // Arrange
    const store = folder.open();
    const open = anOrder({ id: 1, updatedAt: 100 });
    const modified = anOrder({ id: 1, limitTicks: 26_980, updatedAt: 200 });

    // Act
    store.journal({ kind: 'order', order: open, at });
    store.journal({ kind: 'order', order: open, at: at + 1 });
    store.journal({ kind: 'order', order: modified, at });
    store.journal({ kind: 'order', order: modified, at: at + 5 });
    store.flush();

    // Assert
    expect(store.writeStats().committed).toBe(4);
    expect(journalRowCount(store.file)).toBe(2);
  });

  it('skips an unchanged order version journaled again after a restart', () => {
    // Arrange
    const first = folder.open();
    first.journal({ kind: 'order', order: anOrder({ id: 1 }), at });
    first.close();
    const second = folder.open();

    // Act
    second.journal({ kind: 'order', order: anOrder({ id: 1 }), at: at + 60_000 });
    second.flush();

    // Assert
    expect(journalRowCount(second.file)).toBe(1);
    expect(second.workingOrders(1001)).toEqual([anOrder({ id: 1 })]);
  });

  it('throws at the call site for a fill id that is not an integer, before queueing it', () => {
    // Arrange
    const store = folder.open();

    // Act
    const journaling = (): void => store.journal({ kind: 'fill', fill: aFill({ id: Number.NaN }), at });

    // Assert
    expect(journaling).toThrow(/fill id must be a safe integer/);
    expect(store.writeStats().queued).toBe(0);
  });
});

function journalRowCount(file: string): number {
  return queryFile<{ n: number }>(file, 'SELECT count(*) AS n FROM journal')[0]?.n ?? 0;
}
