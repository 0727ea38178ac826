import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/ports/store-port';
import { maxAuditPage } from './audit-repository';
import { useStoreFolder } from './testing/store-folder';

function anEntry(index: number, accountId: number | null = 1001): AuditEntry {
  return { at: 1_800_000_000_000 + index, accountId, action: 'order.place', actor: 'trader', detail: { index } };
}

describe('audit log', () => {
  const folder = useStoreFolder();

  it('pages newest first with a cursor until the last page', () => {
    // Arrange
    const store = folder.open();
    for (let index = 1; index <= 5; index++) store.audit(anEntry(index));

    // Act
    const first = store.auditPage(null, null, 2);
    const second = store.auditPage(null, first.nextBefore, 2);
    const third = store.auditPage(null, second.nextBefore, 2);

    // Assert
    expect(first.entries.map((entry) => entry.detail.index)).toEqual([5, 4]);
    expect(second.entries.map((entry) => entry.detail.index)).toEqual([3, 2]);
    expect(third.entries.map((entry) => entry.detail.index)).toEqual([1]);
    expect(third.nextBefore).toBeNull();
  });

  it('ends with a null cursor when the last page is exactly full', () => {
    // Arrange
    const store = folder.open();
    for (let index = 1; index <= 4; index++) store.audit(anEntry(index));

    // Act
    const first = store.auditPage(null, null, 2);
    const second = store.auditPage(null, first.nextBefore, 2);

    // Assert
    expect(first.nextBefore).not.toBeNull();
    expect(second.entries).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
  });

  it('filters by account when one is given and returns every account for null', () => {
    // Arrange
    const store = folder.open();
    store.audit(anEntry(1, 1001));
    store.audit(anEntry(2, 2002));
    store.audit(anEntry(3, null));

    // Act
    const oneAccount = store.auditPage(2002, null, 10);
    const everyAccount = store.auditPage(null, null, 10);

    // Assert
    expect(oneAccount.entries).toEqual([{ ...anEntry(2, 2002), id: 2 }]);
    expect(everyAccount.entries.map((entry) => entry.accountId)).toEqual([null, 2002, 1001]);
  });

  it('caps the page size', () => {
    // Arrange
    const store = folder.open();
    for (let index = 0; index < maxAuditPage + 5; index++) store.audit(anEntry(index));

    // Act
    const page = store.auditPage(null, null, 10_000);

    // Assert
    expect(page.entries).toHaveLength(maxAuditPage);
    expect(page.nextBefore).not.toBeNull();
  });

  it('never writes a credential from an audit detail into the database file', () => {
    // Arrange
    const store = folder.open();
    const secret = 'sk-THIS-MUST-NOT-BE-STORED';

    // Act
    store.audit({
      at: 1,
      accountId: null,
      action: 'broker.connect',
      actor: 'trader',
      detail: { userName: 'someone', apiKey: secret, nested: { token: secret }, ok: true },
    });
    const page = store.auditPage(null, null, 1);
    store.close();

    // Assert
    expect(page.entries[0]?.detail).toEqual({ userName: '[redacted]', apiKey: '[redacted]', nested: { token: '[redacted]' }, ok: true });
    const bytes = Buffer.concat([readFileSync(store.file), readWal(store.file)]);
    expect(bytes.includes(secret)).toBe(false);
  });
});

function readWal(file: string): Buffer {
  try {
    return readFileSync(`${file}-wal`);
  } catch {
    return Buffer.alloc(0);
  }
}
