import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger';
import { createFakeElectron } from '../testing/fake-electron';
import { credentialsFingerprint, CredentialVault } from './credential-vault';

function vault(platform: NodeJS.Platform = 'linux', backend: 'basic_text' | 'gnome_libsecret' = 'gnome_libsecret') {
  const fake = createFakeElectron({ storageBackend: backend });
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-'));
  return { vault: new CredentialVault(fake.electron.safeStorage, dataDir, silentLogger, platform), dataDir };
}

describe('credential vault', () => {
  it('keeps the credentials encrypted in an owner-only file', () => {
    const { vault: kept, dataDir } = vault();

    kept.save({ userName: 'trader', apiKey: 'k-1' });

    expect(kept.read()).toEqual({ userName: 'trader', apiKey: 'k-1' });
    expect(statSync(join(dataDir, 'credentials.bin')).mode & 0o777).toBe(0o600);
  });

  it('reads a file it cannot decrypt as no credentials', () => {
    const { vault: kept, dataDir } = vault();
    writeFileSync(join(dataDir, 'credentials.bin'), 'from another keyring');

    expect(kept.read()).toBeUndefined();
  });

  it('refuses to store with the Linux plain-text backend, but not on other systems', () => {
    expect(() => vault('linux', 'basic_text').vault.save({ userName: 'u', apiKey: 'k' })).toThrow(/no secure storage/);
    expect(vault('win32', 'basic_text').vault.secureStorageAvailable()).toBe(true);
  });

  it('fingerprints credentials without revealing them', () => {
    const print = credentialsFingerprint({ userName: 'u', apiKey: 'secret' });

    expect(print).not.toContain('secret');
    expect(print).toBe(credentialsFingerprint({ userName: 'u', apiKey: 'secret' }));
    expect(print).not.toBe(credentialsFingerprint({ userName: 'u', apiKey: 'other' }));
    expect(credentialsFingerprint(undefined)).toBe('none');
  });
});
