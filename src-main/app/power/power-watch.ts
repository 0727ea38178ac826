import { networkInterfaces } from 'node:os';
import type { ElectronModule } from '../electron-module';
import type { Resync } from './resync';

/** What the power and network watch needs. */
export interface PowerWatchOptions {
  readonly electron: Pick<ElectronModule, 'powerMonitor' | 'net'>;
  readonly resync: Resync;
  /** The machine's network addresses; injected by tests. */
  readonly interfaces?: () => ReturnType<typeof networkInterfaces>;
  /** How often the network is looked at (Electron's main process has no network-change event). */
  readonly pollMs?: number;
}

/** The addresses and the online flag, as one comparable string. */
export function networkFingerprint(interfaces: ReturnType<typeof networkInterfaces>, online: boolean): string {
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((address) => !address.internal)
    .map((address) => address.address)
    .sort();
  return `${online ? 'online' : 'offline'}|${addresses.join(',')}`;
}

/**
 * On sleep: halts order entry. On resume, an unlocked screen after sleep, or a network change
 * (another Wi-Fi, a VPN, a cable back): reconnects at once and reconciles before trading resumes.
 * Returns the function that stops watching.
 */
export function watchPowerAndNetwork(options: PowerWatchOptions): () => void {
  const { powerMonitor, net } = options.electron;
  const interfaces = options.interfaces ?? networkInterfaces;
  let asleep = false;
  const onSuspend = (): void => {
    asleep = true;
    options.resync.halt('the computer is going to sleep');
  };
  const onResume = (): void => {
    asleep = false;
    void options.resync.run('woke from sleep');
  };
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);

  let last = networkFingerprint(interfaces(), net.isOnline());
  const poll = setInterval(() => {
    const now = networkFingerprint(interfaces(), net.isOnline());
    if (now === last) return;
    last = now;
    // Offline: the adapter notices on its own; back online or on another network: act at once.
    if (!asleep && now.startsWith('online')) void options.resync.run('the network changed');
  }, options.pollMs ?? 5_000);

  return () => {
    clearInterval(poll);
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('resume', onResume);
  };
}
