import type { ContractId } from '../../../src-shared/domain/ids';
import type { Ticks } from '../../../src-shared/domain/money';
import type { BookLevel, DepthView } from '../../../src-shared/domain/market-data';
import type { DepthLevel } from '../ports/broker-port';

/** Order books per contract from depth events: size 0 removes a level; a reset clears the book. */
export class DepthBook {
  private readonly books = new Map<ContractId, { bids: Map<Ticks, number>; asks: Map<Ticks, number> }>();

  /** Applies a depth event. */
  public apply(contractId: ContractId, reset: boolean, levels: readonly DepthLevel[]): void {
    let book = this.books.get(contractId);
    if (book === undefined || reset) {
      book = { bids: new Map(), asks: new Map() };
      this.books.set(contractId, book);
    }
    for (const level of levels) {
      const side = level.side === 'bid' ? book.bids : book.asks;
      if (level.size <= 0) side.delete(level.priceTicks);
      else side.set(level.priceTicks, level.size);
    }
  }

  /** The best `levels` of each side. */
  public view(contractId: ContractId, levels = 10): DepthView {
    const book = this.books.get(contractId);
    const sorted = (side: Map<Ticks, number> | undefined, descending: boolean): BookLevel[] =>
      [...(side ?? new Map<Ticks, number>()).entries()]
        .sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]))
        .slice(0, levels)
        .map(([priceTicks, size]) => ({ priceTicks, size }));
    return { contractId, bids: sorted(book?.bids, true), asks: sorted(book?.asks, false) };
  }
}
