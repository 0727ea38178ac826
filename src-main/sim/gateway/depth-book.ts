import type { DepthEntryModel } from '../exchange/exchange-api';

/** DomType values the book keeps. */
const askTypes = new Set([1, 3, 10]);
const bidTypes = new Set([2, 4, 9]);
const resetType = 6;

/**
 * The book of one contract rebuilt from its depth events, for the snapshot a new depth subscriber
 * gets when the exchange offers no `depthSnapshot`. Levels are keyed by side and price; a level
 * with volume 0 is removed and `Reset` clears everything.
 */
export class DepthBook {
  private readonly levels = new Map<string, DepthEntryModel>();

  /** Applies one depth event's entries. */
  public apply(entries: readonly (DepthEntryModel | null)[]): void {
    for (const entry of entries) {
      if (entry === null) continue;
      if (entry.type === resetType) {
        this.levels.clear();
        continue;
      }
      const side = askTypes.has(entry.type) ? 1 : bidTypes.has(entry.type) ? 2 : undefined;
      if (side === undefined) continue;
      const key = `${side}:${entry.price}`;
      if (entry.volume === 0) this.levels.delete(key);
      else this.levels.set(key, { ...entry, type: side });
    }
  }

  /** The book as Ask (1) and Bid (2) entries, asks then bids, each from the highest price down. */
  public snapshot(): DepthEntryModel[] {
    return [...this.levels.values()].sort((a, b) => a.type - b.type || b.price - a.price);
  }
}
