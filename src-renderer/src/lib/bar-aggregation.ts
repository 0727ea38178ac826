import type { BarView } from '../../../src-shared/domain/trading';

/** Where a live bar went in the loaded history. */
export interface MergedBar {
  /** Index of the bar in the history after the merge. */
  readonly index: number;
  /** True when the bar was appended (a new bar opened); false when it replaced one. */
  readonly opened: boolean;
}

/**
 * Puts a live bar from `bars.updated` into the loaded history (oldest first, changed in place): the
 * forming bar is replaced, a newer one is appended, and a late final update of an earlier bar
 * replaces that bar. An update for a bar that is not loaded (older than the history, or falling
 * between two loaded bars) is ignored, and so is one with less volume than the bar shown: a bar
 * only grows while it forms, so that is an older state of it arriving late.
 */
export function mergeBarUpdate(bars: BarView[], bar: BarView): MergedBar | undefined {
  const last = bars.at(-1);
  if (last === undefined || bar.time > last.time) {
    bars.push(bar);
    return { index: bars.length - 1, opened: true };
  }
  // Almost always the last bar or the one before it: search from the end.
  for (let index = bars.length - 1; index >= 0 && index >= bars.length - 64; index--) {
    const existing = bars[index];
    if (existing === undefined || existing.time < bar.time) return undefined;
    if (existing.time === bar.time) {
      if (bar.volume < existing.volume) return undefined;
      bars[index] = bar;
      return { index, opened: false };
    }
  }
  return undefined;
}

/**
 * Merges an older page of history in front of the bars already loaded, dropping the overlap, so
 * scroll-back never duplicates or reorders a bar.
 */
export function prependHistory(older: readonly BarView[], loaded: readonly BarView[]): BarView[] {
  const first = loaded[0];
  if (first === undefined) return [...older];
  const before = older.filter((bar) => bar.time < first.time);
  return before.length === 0 ? [...loaded] : [...before, ...loaded];
}
