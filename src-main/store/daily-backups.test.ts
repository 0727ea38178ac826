import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../core/clock';
import { backupFileName } from './daily-backups';
import { aFill, openTestStore, temporaryDirectory } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';
import { eventually } from '../testing/eventually';

const day = 86_400_000;
// 2027-01-15T12:00:00Z
const noon = Date.UTC(2027, 0, 15, 12);

describe('daily backups', () => {
  const folder = useStoreFolder();
  const backupsOf = (): string[] => readdirSync(join(folder.path, 'backups')).sort();

  it('names a backup after its UTC day', () => {
    expect(backupFileName(noon)).toBe('terminal-2027-01-15.db');
  });

  it("makes today's backup on start when it is missing", async () => {
    // Arrange / Act
    folder.open({ clock: new TestClock(noon), backups: {} });

    // Assert
    await eventually(() => existsSync(join(folder.path, 'backups', 'terminal-2027-01-15.db')), 'the first backup');
    expect(backupsOf()).toEqual(['terminal-2027-01-15.db']);
  });

  it('makes the next backup on the timer once the day has changed', async () => {
    // Arrange
    const clock = new TestClock(noon);
    const store = folder.open({ clock, backups: { checkIntervalMs: 10 } });
    await store.backupNow();

    // Act
    clock.advance(day);

    // Assert
    await eventually(() => backupsOf().length === 2, 'two backups');
    expect(backupsOf()).toEqual(['terminal-2027-01-15.db', 'terminal-2027-01-16.db']);
  });

  it('keeps only the newest backups', async () => {
    // Arrange
    mkdirSync(join(folder.path, 'backups'));
    for (let daysAgo = 1; daysAgo <= 9; daysAgo++) writeFileSync(join(folder.path, 'backups', backupFileName(noon - daysAgo * day)), 'old');
    writeFileSync(join(folder.path, 'backups', 'notes.txt'), 'not a backup');
    const store = folder.open({ clock: new TestClock(noon), backups: { keep: 3 } });

    // Act
    await store.backupNow();

    // Assert
    expect(backupsOf()).toEqual(['notes.txt', 'terminal-2027-01-13.db', 'terminal-2027-01-14.db', 'terminal-2027-01-15.db']);
  });

  it('writes a backup that opens as a store with the data, including writes still queued', async () => {
    // Arrange
    const store = folder.open({ clock: new TestClock(noon), backups: {} });
    store.saveSetting('chart.theme', 'dark');
    store.journal({ kind: 'fill', fill: aFill(), at: noon });
    const restored = temporaryDirectory();

    // Act
    const backup = await store.backupNow();
    copyFileSync(backup, join(restored.path, 'terminal.db'));
    const reopened = openTestStore(restored.path);

    // Assert
    expect(reopened.setting('chart.theme')).toBe('dark');
    expect(reopened.fillsSince(aFill().accountId, 0)).toEqual([aFill()]);
    reopened.close();
    restored.remove();
  });

  it('abandons a backup in progress on close without leaving a partial file', async () => {
    // Arrange
    const store = folder.open({ clock: new TestClock(noon), backups: {} });
    for (let id = 1; id <= 20_000; id++) store.journal({ kind: 'fill', fill: aFill({ id }), at: noon });
    store.flush();
    const backup = store.backupNow();

    // Act
    store.close();

    // Assert
    await expect(backup).rejects.toThrow();
    expect(backupsOf().filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
