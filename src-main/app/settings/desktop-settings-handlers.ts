import type { CredentialsStatus, DesktopSettingsView } from '../../../src-shared/domain/host-settings';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { HostHandlers } from '../../core/terminal-service';
import { credentialsFingerprint, type CredentialVault } from '../credentials/credential-vault';
import type { LoginItem } from '../login-item';
import type { DesktopSettingsStore } from './desktop-settings';

/** What the desktop's settings channels read and change. */
export interface DesktopSettingsDependencies {
  readonly vault: CredentialVault;
  readonly settings: DesktopSettingsStore;
  readonly loginItem: LoginItem;
  /** Where the local API listens, while on. */
  readonly localApiUrl: () => string | null;
  /** Turns the local API on or off; resolves once it is. */
  readonly setLocalApi: (enabled: boolean) => Promise<void>;
  /** The fingerprint of the credentials the running terminal was started with. */
  readonly activeCredentials: string;
  /** Tells the shell that start-at-login changed (the tray's checkbox). */
  readonly changed: () => void;
}

/** The desktop's settings channels: credentials in safeStorage (never returned) and the desktop settings. */
export function createDesktopSettingsHandlers(dependencies: DesktopSettingsDependencies): HostHandlers {
  const { vault, settings, loginItem } = dependencies;
  const credentialsStatus = (): Result<CredentialsStatus> => {
    const stored = vault.read();
    return ok({
      stored: stored !== undefined,
      userName: stored?.userName ?? null,
      source: 'secure-storage',
      secureStorageAvailable: vault.secureStorageAvailable(),
      restartNeeded: credentialsFingerprint(stored) !== dependencies.activeCredentials,
    });
  };
  const view = (): Result<DesktopSettingsView> => {
    const current = settings.get();
    return ok({
      notifications: current.notifications,
      localApi: { enabled: current.localApi.enabled, url: dependencies.localApiUrl() },
      startAtLogin: loginItem.enabled(),
    });
  };
  return {
    'settings.credentials.get': () => credentialsStatus(),
    'settings.credentials.set': (request) => {
      if (!vault.secureStorageAvailable())
        return fail(
          'not-connected',
          'credentials cannot be stored: the operating system offers no secure storage (on Linux, install and unlock a keyring such as gnome-keyring or KWallet)',
        );
      vault.save({ userName: request.userName, apiKey: request.apiKey });
      return credentialsStatus();
    },
    'settings.credentials.clear': () => {
      vault.clear();
      return credentialsStatus();
    },
    'settings.desktop.get': () => view(),
    'settings.desktop.set': async (request) => {
      settings.update({
        ...(request.notifications === undefined ? {} : { notifications: request.notifications }),
        ...(request.localApi === undefined ? {} : { localApi: request.localApi }),
      });
      if (request.localApi !== undefined) await dependencies.setLocalApi(request.localApi.enabled);
      if (request.startAtLogin !== undefined) {
        loginItem.setEnabled(request.startAtLogin);
        dependencies.changed();
      }
      return view();
    },
  };
}
