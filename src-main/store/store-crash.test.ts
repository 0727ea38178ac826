import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aFill, queryFile } from './testing/store-fixtures';
import { useStoreFolder } from './testing/store-folder';

const childScript = fileURLToPath(new URL('./testing/journal-burst-child.ts', import.meta.url));
const accountId = aFill().accountId;

interface BurstRun {
  readonly acknowledged: number[];
  readonly finished: boolean;
  readonly signal: NodeJS.Signals | null;
}

/** Runs the burst child; with `killAfter`, SIGKILLs it as soon as that many fills are acknowledged. */
function runBurst(dataDir: string, firstId: number, lastId: number, killAfter?: number): Promise<BurstRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, String(firstId), String(lastId)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: number[] = [];
    let finished = false;
    let pending = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ACK ')) acknowledged.push(Number(line.slice(4)));
        else if (line === 'DONE') finished = true;
      }
      if (killAfter !== undefined && acknowledged.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`burst child exited with ${code}: ${errors}`));
      else resolve({ acknowledged, finished, signal });
    });
  });
}

function storedFillIds(file: string): number[] {
  return queryFile<{ fill_id: number }>(file, "SELECT fill_id FROM journal WHERE kind = 'fill' ORDER BY fill_id").map((row) => row.fill_id);
}

describe('store crash safety', () => {
  const folder = useStoreFolder();

  it.each([300, 3_000, 20_000])('keeps every acknowledged fill exactly once after a SIGKILL at %i acknowledgements', async (killAfter) => {
    // Arrange / Act
    const run = await runBurst(folder.path, 1, 5_000_000, killAfter);
    const store = folder.open();
    const fills = store.fillsSince(accountId, 0).map((fill) => fill.id);
    store.close();

    // Assert: the child died mid-burst.
    expect(run.signal).toBe('SIGKILL');
    expect(run.finished).toBe(false);
    // Every acknowledged fill is there, none twice.
    const stored = new Set(fills);
    expect(stored.size).toBe(fills.length);
    expect(run.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Batches are all or nothing: what is stored is 1..n without holes.
    expect(fills).toEqual(Array.from({ length: fills.length }, (_, index) => index + 1));
    expect(storedFillIds(store.file)).toEqual(fills);
  });

  it('stores each fill once when a restarted burst replays everything journaled before the kill', async () => {
    // Arrange
    const killed = await runBurst(folder.path, 1, 5_000_000, 2_000);

    // Act
    const replay = await runBurst(folder.path, 1, 6_000);

    // Assert
    expect(killed.signal).toBe('SIGKILL');
    expect(replay.finished).toBe(true);
    const file = folder.open().file;
    expect(storedFillIds(file)).toEqual(Array.from({ length: 6_000 }, (_, index) => index + 1));
  });
});
