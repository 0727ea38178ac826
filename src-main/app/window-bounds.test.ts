import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger';
import { memorySettings } from './settings/desktop-settings';
import { FakeBrowserWindow } from './testing/fake-electron';
import { isVisibleOnSomeDisplay, keepWindowBounds, restoredWindowState, windowStateKey } from './window-bounds';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

afterEach(() => vi.useRealTimers());

describe('window bounds', () => {
  it('are saved once a drag settles and when the window closes', () => {
    vi.useFakeTimers();
    const store = memorySettings();
    const window = new FakeBrowserWindow({ x: 10, y: 20, width: 1400, height: 900 });
    const stop = keepWindowBounds(window, store);

    window.emit('move');
    window.bounds = { x: 50, y: 60, width: 1400, height: 900 };
    window.emit('move');
    expect(store.setting(windowStateKey)).toBeUndefined();
    vi.advanceTimersByTime(500);
    expect(store.setting(windowStateKey)).toEqual({ x: 50, y: 60, width: 1400, height: 900, maximized: false });

    window.maximized = true;
    window.tryClose();
    expect(store.setting(windowStateKey)).toMatchObject({ maximized: true });
    stop();
    window.emit('resize');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('are restored when still on a display; only the size when the display is gone', () => {
    const store = memorySettings();
    store.saveSetting(windowStateKey, { x: 100, y: 100, width: 1400, height: 900, maximized: true });
    expect(restoredWindowState(store, screen, silentLogger)).toEqual({ x: 100, y: 100, width: 1400, height: 900, maximized: true });

    store.saveSetting(windowStateKey, { x: 3000, y: 100, width: 1400, height: 900, maximized: false });
    expect(restoredWindowState(store, screen, silentLogger)).toEqual({ width: 1400, height: 900, maximized: false });
  });

  it('are ignored when missing or invalid', () => {
    const store = memorySettings();
    expect(restoredWindowState(store, screen, silentLogger)).toBeUndefined();
    store.saveSetting(windowStateKey, { x: 'left', width: 5 });
    expect(restoredWindowState(store, screen, silentLogger)).toBeUndefined();
  });

  it('count as visible only with enough of the window on a work area', () => {
    expect(isVisibleOnSomeDisplay({ x: 1850, y: 0, width: 800, height: 600 }, screen)).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 1700, y: 0, width: 800, height: 600 }, screen)).toBe(true);
  });
});
