import { describe, expect, it } from 'vitest';
import { autostartEntry, createLoginItem } from './login-item';
import { createFakeElectron } from './testing/fake-electron';

describe('start at login', () => {
  it('uses the login items of macOS and Windows, started hidden in the tray', () => {
    const fake = createFakeElectron();
    const item = createLoginItem({ app: fake.electron.app, platform: 'win32', command: ['C:\\Topstep\\Topstep Terminal.exe'] });

    item.setEnabled(true);
    expect(fake.recorded.loginItem).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(item.enabled()).toBe(true);
    item.setEnabled(false);
    expect(item.enabled()).toBe(false);
  });

  it('writes an XDG entry with the arguments quoted as the specification asks', () => {
    expect(autostartEntry(['/usr/bin/electron', '/home/me/my "app"/out/main/index.js', '--hidden'])).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Topstep Terminal',
        'Comment=Futures trading terminal with risk monitoring',
        'Exec=/usr/bin/electron "/home/me/my \\"app\\"/out/main/index.js" --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });
});
