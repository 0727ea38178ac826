import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What `<data-dir>/api.json` holds: how a CLI on this machine reaches the running terminal. */
export const apiFileSchema = z.object({
  url: z.string(),
  api: z.string(),
  token: z.string().min(16),
  pid: z.number().int().positive(),
});

/** The parsed api.json. */
export type ApiFile = z.infer<typeof apiFileSchema>;

/** Path of the API file in a data folder. */
export function apiFilePath(dataDir: string): string {
  return join(dataDir, 'api.json');
}

/** Writes api.json readable by its owner only; written whole through a rename, so readers never see half a file. */
export function writeApiFile(dataDir: string, content: ApiFile): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const target = apiFilePath(dataDir);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, target);
}

/** Reads api.json; undefined when it is missing or malformed. */
export function readApiFile(dataDir: string): ApiFile | undefined {
  try {
    const parsed = apiFileSchema.safeParse(JSON.parse(readFileSync(apiFilePath(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Removes api.json if it still belongs to this process (a newer host may have replaced it). */
export function removeApiFile(dataDir: string, pid: number): void {
  if (readApiFile(dataDir)?.pid === pid) rmSync(apiFilePath(dataDir), { force: true });
}
