import { resolve } from 'node:path';
import envPaths from 'env-paths';

/** The data folder: the flag, else TERMINAL_DATA_DIR, else the per-user data folder of this OS. */
export function resolveDataDir(flag: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? environment.TERMINAL_DATA_DIR;
  if (chosen !== undefined && chosen.length > 0) return resolve(chosen);
  return envPaths('topstep-terminal', { suffix: '' }).data;
}
