import { z } from 'zod';
import type { Rectangle } from 'electron';
import type { Logger } from '../core/logger';
import type { SettingsPort } from './settings/desktop-settings';

/** The store key of the main window's bounds. */
export const windowStateKey = 'desktop.window';

/** The window's last normal bounds and whether it was maximized. */
export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});

/** The saved window state. */
export type WindowState = z.infer<typeof windowStateSchema>;

/** How much of the window must show on a display for the saved position to be used. */
const minimumVisible = 100;

/** True when enough of the bounds lies on one of the displays' work areas (a monitor may have gone). */
export function isVisibleOnSomeDisplay(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return width >= minimumVisible && height >= minimumVisible;
  });
}

/**
 * The saved window state to open with: the size always, the position only while it is still on a
 * display. Undefined when nothing (valid) was saved.
 */
export function restoredWindowState(
  store: SettingsPort,
  workAreas: readonly Rectangle[],
  logger: Logger,
): (Partial<Rectangle> & { maximized: boolean }) | undefined {
  const stored = store.setting(windowStateKey);
  if (stored === undefined) return undefined;
  const parsed = windowStateSchema.safeParse(stored);
  if (!parsed.success) {
    logger.warn({ key: windowStateKey }, 'saved window bounds are invalid; using the defaults');
    return undefined;
  }
  const { maximized, ...bounds } = parsed.data;
  return isVisibleOnSomeDisplay(bounds, workAreas) ? { ...bounds, maximized } : { width: bounds.width, height: bounds.height, maximized };
}

/** The window parts the bounds keeper listens to. */
export interface BoundsWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  removeListener(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/** Moves and resizes come in bursts while dragging; the bounds are saved once they settle. */
const saveDelayMs = 500;

/** Saves the window's bounds whenever they settle and when it closes; returns the function that stops. */
export function keepWindowBounds(window: BoundsWindow, store: SettingsPort): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    if (windowStateSchema.safeParse(state).success) store.saveSetting(windowStateKey, state);
  };
  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, saveDelayMs);
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const event of events) window.on(event, later);
  window.on('close', save);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    for (const event of events) window.removeListener(event, later);
    window.removeListener('close', save);
  };
}
