import { describe, expect, it } from 'vitest';
import { TestClock } from '../core/clock';
import { useStoreFolder } from './testing/store-folder';

describe('settings', () => {
  const folder = useStoreFolder();

  it('returns undefined for a key never saved', () => {
    // Arrange
    const store = folder.open();

    // Act / Assert
    expect(store.setting('risk.dailyLossLimitCents')).toBeUndefined();
  });

  it('round-trips JSON values across a restart', () => {
    // Arrange
    const value = { dailyLossLimitCents: 100_000, symbols: ['ES', 'NQ'], enforce: true, note: null };
    const first = folder.open();
    first.saveSetting('risk.limits', value);
    first.saveSetting('chart.theme', 'dark');
    first.close();

    // Act
    const second = folder.open();

    // Assert
    expect(second.setting('risk.limits')).toEqual(value);
    expect(second.setting('chart.theme')).toBe('dark');
  });

  it('reads a queued save before it is committed', () => {
    // Arrange
    const store = folder.open();

    // Act
    store.saveSetting('ticket.defaultSize', 2);

    // Assert
    expect(store.setting('ticket.defaultSize')).toBe(2);
  });

  it('replaces a saved value and removes it when saved as undefined', () => {
    // Arrange
    const store = folder.open({ clock: new TestClock(1000) });
    store.saveSetting('ticket.defaultSize', 1);

    // Act
    store.saveSetting('ticket.defaultSize', 3);
    const replaced = store.setting('ticket.defaultSize');
    store.saveSetting('ticket.defaultSize', undefined);

    // Assert
    expect(replaced).toBe(3);
    expect(store.setting('ticket.defaultSize')).toBeUndefined();
  });

  it('refuses a credential as a setting, even nested', () => {
    // Arrange
    const store = folder.open();

    // Act / Assert
    expect(() => store.saveSetting('projectx.apiKey', 'k-123')).toThrow(/credential/);
    expect(() => store.saveSetting('broker', { connection: { userName: 'trader', password: 'p' } })).toThrow(/broker\.connection\.userName/);
    expect(store.writeStats().queued).toBe(0);
  });

  it('throws at the call site for a value JSON cannot hold', () => {
    // Arrange
    const store = folder.open();

    // Act / Assert
    expect(() => store.saveSetting('broken', { size: 10n })).toThrow(TypeError);
  });
});
