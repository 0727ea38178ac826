import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { appId, productName } from './app-identity';
import { trayHealthOrder } from './tray/tray-health';

// electron-builder downloads Electron to package, so it never runs here: this checks its
// configuration against electron-builder's own schema and against what the app expects.

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(resolve(root, 'electron-builder.json'), 'utf8')) as Configuration;
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Width and height of a PNG, from its header. */
function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(0, 24);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

function targets(platform: { target?: unknown } | null | undefined): string[] {
  const target = platform?.target;
  return (Array.isArray(target) ? target : [target]).map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

describe('packaging configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check has teeth: a misspelt option fails it.
    await expect(validateConfiguration({ ...config, asarUnpak: [] } as Configuration, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('builds AppImage and deb, NSIS, and dmg, with the app’s id and name', () => {
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(config.appId).toBe(appId);
    expect(config.productName).toBe(productName);
  });

  it('packs the built app and unpacks the better-sqlite3 binaries from the asar, without rebuilding them', () => {
    expect(config.files).toContain('out/**/*');
    expect(manifest.main.startsWith('out/')).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    // better-sqlite3 ships N-API binaries for every platform; a rebuild would download Electron's headers.
    expect(config.npmRebuild).toBe(false);
    expect(existsSync(resolve(root, 'node_modules/better-sqlite3/prebuilds/win32-x64.node'))).toBe(true);
  });

  it('has an app icon big enough for every platform and every tray icon outside the asar', () => {
    for (const platform of [config, config.linux, config.win, config.mac]) {
      const icon = resolve(root, String(platform?.icon));
      expect(pngSize(icon).width).toBeGreaterThanOrEqual(512);
    }
    expect(config.extraResources).toEqual([{ from: 'resources/tray', to: 'tray', filter: ['*.png'] }]);
    for (const health of trayHealthOrder) {
      expect(pngSize(resolve(root, `resources/tray/tray-${health}.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(resolve(root, `resources/tray/tray-${health}@2x.png`))).toEqual({ width: 32, height: 32 });
      expect(existsSync(resolve(root, `resources/tray/tray-${health}.svg`))).toBe(true);
    }
  });

  it('is what npm run dist uses, with electron-builder pinned', () => {
    expect(manifest.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.json');
    for (const platform of ['linux', 'win', 'mac']) expect(manifest.scripts[`dist:${platform}`]).toContain(`--${platform}`);
    expect(manifest.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
