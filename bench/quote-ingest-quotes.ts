import { esContract } from '../src-main/core/testing/fake-broker';
import type { QuoteView } from '../src-shared/domain/trading';

/** The quotes of the quote-ingest section: a million over four contracts, 1 ms apart. */
export const quotes = 1_000_000;
const contracts = [esContract.id, 'CON.F.US.ENQ.Z26', 'CON.F.US.MES.Z26', 'CON.F.US.MNQ.Z26'];

/** The contract of the index-th quote. */
export function contractOf(index: number): string {
  return contracts[index % contracts.length] ?? esContract.id;
}

/** The index-th quote, made on the fly so the bench holds none of them. */
export function makeQuote(index: number): QuoteView {
  const price = 20_000 + (index % 97) - 48;
  return { contractId: contractOf(index), bidTicks: price, askTicks: price + 1, lastTicks: price, volume: index, time: 1_795_000_000_000 + index };
}
