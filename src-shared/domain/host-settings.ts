/** The kinds of native notification the desktop app shows; each can be turned off. */
export const notificationKinds = ['fills', 'rejections', 'risk', 'enforcement', 'connection', 'other'] as const;
/** One kind of native notification. */
export type NotificationKind = (typeof notificationKinds)[number];

/** Whether broker credentials are kept; the key itself never leaves the main process. */
export interface CredentialsStatus {
  /** True when credentials are kept (desktop) or set in the environment (headless). */
  readonly stored: boolean;
  /** The ProjectX user name, when credentials are kept. */
  readonly userName: string | null;
  /** Where credentials live: the OS's secure storage (desktop) or the environment (headless). */
  readonly source: 'secure-storage' | 'environment';
  /** False when the OS offers no real encryption (e.g. Linux without a keyring): nothing can be stored. */
  readonly secureStorageAvailable: boolean;
  /** True when the stored credentials differ from those the running terminal uses: a restart applies them. */
  readonly restartNeeded: boolean;
}

/** The desktop app's own settings. */
export interface DesktopSettingsView {
  /** Each kind of native notification, on or off (all on by default). */
  readonly notifications: Readonly<Record<NotificationKind, boolean>>;
  /** The local API for the CLI (off by default); `url` is where it listens while on. */
  readonly localApi: { readonly enabled: boolean; readonly url: string | null };
  /** Open the terminal when the user logs in. */
  readonly startAtLogin: boolean;
}
