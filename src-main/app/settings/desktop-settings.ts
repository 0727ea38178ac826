import { z } from 'zod';
import { notificationKinds, type NotificationKind } from '../../../src-shared/domain/host-settings';
import type { Logger } from '../../core/logger';
import type { StorePort } from '../../core/ports/store-port';

/** The part of the store settings live in. */
export type SettingsPort = Pick<StorePort, 'setting' | 'saveSetting'>;

/** The store key of the desktop settings. */
export const desktopSettingsKey = 'desktop.settings';

// Each field falls back to its default on its own, so one bad value does not reset the others.
const notificationsSchema = z.object(
  Object.fromEntries(notificationKinds.map((kind) => [kind, z.boolean().default(true).catch(true)])) as Record<
    NotificationKind,
    z.ZodCatch<z.ZodDefault<z.ZodBoolean>>
  >,
);

/** The desktop settings as stored: notifications on, the local API off. */
export const desktopSettingsSchema = z.object({
  notifications: notificationsSchema.default(() => notificationsSchema.parse({})).catch(() => notificationsSchema.parse({})),
  localApi: z
    .object({ enabled: z.boolean().default(false).catch(false) })
    .default({ enabled: false })
    .catch({ enabled: false }),
});

/** The desktop settings. */
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/** A change to the desktop settings: only the fields given change. */
export interface DesktopSettingsPatch {
  readonly notifications?: Partial<Record<NotificationKind, boolean>>;
  readonly localApi?: { readonly enabled: boolean };
}

/** Settings kept in memory, for a terminal without a store (no broker configured). */
export function memorySettings(): SettingsPort {
  const values = new Map<string, unknown>();
  return {
    setting: (key) => values.get(key),
    saveSetting: (key, value) => {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
    },
  };
}

/** Reads and writes the desktop settings through the store, validated with their schema. */
export class DesktopSettingsStore {
  private readonly listeners = new Set<(settings: DesktopSettings, previous: DesktopSettings) => void>();
  private current: DesktopSettings;

  public constructor(
    private readonly store: SettingsPort,
    logger: Logger,
  ) {
    const stored = store.setting(desktopSettingsKey);
    const parsed = desktopSettingsSchema.safeParse(stored ?? {});
    if (!parsed.success) logger.warn({ key: desktopSettingsKey }, 'stored desktop settings are not an object; using the defaults');
    this.current = parsed.success ? parsed.data : desktopSettingsSchema.parse({});
  }

  /** The settings now. */
  public get(): DesktopSettings {
    return this.current;
  }

  /** True when notifications of a kind are on. */
  public notifies(kind: NotificationKind): boolean {
    return this.current.notifications[kind];
  }

  /** Applies a change, saves it and tells the listeners. */
  public update(patch: DesktopSettingsPatch): DesktopSettings {
    const previous = this.current;
    this.current = desktopSettingsSchema.parse({
      notifications: { ...previous.notifications, ...patch.notifications },
      localApi: { ...previous.localApi, ...patch.localApi },
    });
    this.store.saveSetting(desktopSettingsKey, this.current);
    for (const listener of this.listeners) listener(this.current, previous);
    return this.current;
  }

  /** Hears every change; returns the function that stops it. */
  public onChange(listener: (settings: DesktopSettings, previous: DesktopSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
