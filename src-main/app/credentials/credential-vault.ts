import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../core/logger';
import type { ElectronModule } from '../electron-module';

/** The ProjectX credentials. */
export const storedCredentialsSchema = z.object({ userName: z.string().min(1), apiKey: z.string().min(1) }).strict();

/** Credentials as kept in the vault. */
export type StoredCredentials = z.infer<typeof storedCredentialsSchema>;

/** Linux backends that do not really encrypt (no keyring): nothing is stored with them. */
const weakBackends = new Set(['basic_text', 'unknown']);

/**
 * Keeps the broker credentials in `<dataDir>/credentials.bin`, encrypted with Electron's
 * safeStorage (Keychain, DPAPI, or the Linux keyring). The key never leaves the main process.
 */
export class CredentialVault {
  private readonly file: string;

  public constructor(
    private readonly safeStorage: ElectronModule['safeStorage'],
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = join(dataDir, 'credentials.bin');
  }

  /** True when the OS offers real encryption; on Linux without a keyring it does not. */
  public secureStorageAvailable(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    return this.platform !== 'linux' || !weakBackends.has(this.safeStorage.getSelectedStorageBackend());
  }

  /** The stored credentials; undefined when none, or when they cannot be decrypted (another user, a new keyring). */
  public read(): StoredCredentials | undefined {
    let encrypted: Buffer;
    try {
      encrypted = readFileSync(this.file);
    } catch {
      return undefined;
    }
    try {
      if (!this.safeStorage.isEncryptionAvailable()) return undefined;
      const parsed = storedCredentialsSchema.safeParse(JSON.parse(this.safeStorage.decryptString(encrypted)));
      if (parsed.success) return parsed.data;
      this.logger.warn({ file: this.file }, 'stored credentials have an unknown shape; ignoring them');
    } catch (error) {
      this.logger.warn(
        { file: this.file, error: error instanceof Error ? error.message : String(error) },
        'stored credentials cannot be decrypted; ignoring them',
      );
    }
    return undefined;
  }

  /** Encrypts and stores credentials (owner-only file, written whole); throws when no real encryption is available. */
  public save(credentials: StoredCredentials): void {
    if (!this.secureStorageAvailable())
      throw new Error('the operating system offers no secure storage (on Linux: install and unlock a keyring such as gnome-keyring or KWallet)');
    const encrypted = this.safeStorage.encryptString(JSON.stringify(storedCredentialsSchema.parse(credentials)));
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, encrypted, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.file);
    this.logger.info({ userName: credentials.userName }, 'broker credentials stored');
  }

  /** Removes the stored credentials. */
  public clear(): void {
    rmSync(this.file, { force: true });
    this.logger.info({}, 'broker credentials removed');
  }
}

/** A one-way fingerprint of credentials, to tell whether the running terminal uses the stored ones. */
export function credentialsFingerprint(credentials: StoredCredentials | undefined): string {
  if (credentials === undefined) return 'none';
  return createHash('sha256').update(`${credentials.userName}\n${credentials.apiKey}`).digest('base64url');
}
