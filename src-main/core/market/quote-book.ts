import type { ContractId } from '../../../src-shared/domain/ids';
import type { QuoteView } from '../../../src-shared/domain/trading';

/** The latest quote per contract. */
export class QuoteBook {
  private readonly quotes = new Map<ContractId, QuoteView>();

  /** Stores a quote (the adapter already merged deltas into a full view). */
  public apply(quote: QuoteView): void {
    this.quotes.set(quote.contractId, quote);
  }

  public get(contractId: ContractId): QuoteView | undefined {
    return this.quotes.get(contractId);
  }
}
