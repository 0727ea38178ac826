import type { Scheduler } from './scheduler';

/**
 * The real timers, for the hosts. The only file in the core that may call the global
 * setTimeout/clearTimeout (lint's no-restricted-globals keeps the rest of the core on the injected
 * Scheduler and Clock).
 */
export const systemScheduler: Scheduler = {
  schedule: (delayMs, callback) => {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    return () => clearTimeout(handle);
  },
};
