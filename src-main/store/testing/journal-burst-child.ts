/**
 * Child process of the crash test: journals a burst of fills in turns of varying size and
 * prints `ACK <id>` for each fill once the turn's commit has returned. The parent kills it
 * with SIGKILL somewhere in the middle.
 *
 * Usage: node --import tsx journal-burst-child.ts <dataDir> <firstId> <lastId>
 */
import { openStore } from '../open-store';
import { aFill } from './store-fixtures';

const [dataDir, first, last] = process.argv.slice(2);
if (dataDir === undefined || first === undefined || last === undefined) throw new Error('usage: journal-burst-child <dataDir> <firstId> <lastId>');
const lastId = Number(last);
const store = openStore({ dataDir, backups: false });
let next = Number(first);

function turn(): void {
  // Sizes from 1 to 97 so the kill lands at many points of a batch.
  const size = Math.min(lastId - next + 1, 1 + (next % 97));
  const acknowledged: number[] = [];
  for (let index = 0; index < size; index++, next++) {
    store.journal({ kind: 'fill', fill: aFill({ id: next, time: next }), at: Date.now() });
    // Replays the previous fill, as a reconnect would: it must not be stored twice.
    if (next > 1) store.journal({ kind: 'fill', fill: aFill({ id: next - 1, time: next - 1 }), at: Date.now() });
    acknowledged.push(next);
  }
  store.flush();
  // Only now is the turn acknowledged (stdout to a pipe is synchronous on Linux and macOS).
  process.stdout.write(acknowledged.map((id) => `ACK ${id}\n`).join(''));
  if (next <= lastId) setImmediate(turn);
  else {
    store.close();
    process.stdout.write('DONE\n');
  }
}

process.stdout.write('READY\n');
turn();
