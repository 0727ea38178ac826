import type { AccountSummary, PositionSummary } from '../../../src-shared/domain/summaries';
import type { AccountView, ContractView, PositionView } from '../../../src-shared/domain/trading';
import type { ContractCatalog } from '../contracts/contract-catalog';
import type { QuoteBook } from '../market/quote-book';
import type { FillLedger } from './fill-ledger';
import type { PositionBook } from './position-book';
import { openProfit } from './profit-and-loss';
import { detectProgram, type AccountProgramView } from '../../../src-shared/programs';

/** The state the summaries read. */
export interface SummarySource {
  readonly positions: PositionBook;
  readonly fills: FillLedger;
  readonly quotes: QuoteBook;
  readonly contracts: ContractCatalog;
  readonly selectedAccountId: number | undefined;
}

/** Who knows each summary source's account programs (the risk manager, with the trader's choice). */
const programSources = new WeakMap<SummarySource, (account: AccountView) => AccountProgramView>();

/**
 * Makes the summaries of a source (the trading core) name each account's program as `programOf`
 * says; without it, the program is detected from the account's name or balance.
 */
export function useProgramSource(source: SummarySource, programOf: (account: AccountView) => AccountProgramView): void {
  programSources.set(source, programOf);
}

/** The program of an account in a source's summaries. */
export function programOfAccount(source: SummarySource, account: AccountView): AccountProgramView {
  return programSources.get(source)?.(account) ?? detectProgram(account.name, account.balanceCents);
}

/** A position with its mark, open and realized P&L. */
export function summarizePosition(source: SummarySource, position: PositionView, contract: ContractView): PositionSummary {
  const open = openProfit(position, contract, source.quotes.get(position.contractId));
  const realized = source.fills.contract(position.accountId, position.contractId);
  return {
    position,
    contract,
    markTicks: open.markTicks,
    openTicks: open.ticks,
    openCents: open.cents,
    realizedCents: realized.realizedCents,
    feesCents: realized.feesCents,
  };
}

/** An account with its trading day's realized, open and net P&L. */
export function summarizeAccount(source: SummarySource, account: AccountView): AccountSummary {
  const realized = source.fills.account(account.id);
  let openCents = 0;
  for (const position of source.positions.of(account.id)) {
    const contract = source.contracts.known(position.contractId);
    if (contract !== undefined) openCents += openProfit(position, contract, source.quotes.get(position.contractId)).cents;
  }
  return {
    account,
    tradingDay: source.fills.currentDay,
    realizedCents: realized.realizedCents,
    feesCents: realized.feesCents,
    openCents,
    netCents: realized.realizedCents + openCents - realized.feesCents,
    fills: realized.fills,
    selected: source.selectedAccountId === account.id,
    program: programOfAccount(source, account),
  };
}
