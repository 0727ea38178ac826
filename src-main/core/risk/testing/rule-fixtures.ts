import type { ContractId } from '../../../../src-shared/domain/ids';
import { referenceRiskConfig } from '../../../../src-shared/domain/risk-config';
import type { AccountView, ContractView, FillView, OrderView, PositionView, QuoteView } from '../../../../src-shared/domain/trading';
import { esContract, evaluationAccount } from '../../testing/fake-broker';
import { productFacts } from '../../../../src-shared/exchange';
import { SessionCalendar } from '../calendar/session-calendar';
import { mergeConfig } from '../config/config-merge';
import { toRiskSettings, type RiskSettings } from '../config/risk-settings';
import type { RiskEvent, RuleInput } from '../rules/rule-types';
import { AccountBook } from '../state/account-book';
import { AccountLedger } from '../state/account-ledger';
import { mnqContract, nqContract, rtyContract, wednesdayMorning } from './test-contracts';

/** Settings from a partial JSON configuration over the reference configuration (every rule on). */
export function settingsWith(partial: Record<string, unknown> = {}): RiskSettings {
  const merged = mergeConfig(referenceRiskConfig, partial);
  if (!merged.ok) throw new Error(merged.error.message);
  return toRiskSettings(merged.value);
}

/** What a rule test puts in the state. */
export interface StateOptions {
  readonly account?: AccountView;
  /** Contracts a flatten or reverse is closing. */
  readonly closing?: ReadonlySet<string>;
  readonly positions?: readonly PositionView[];
  readonly orders?: readonly OrderView[];
  readonly fills?: readonly FillView[];
  readonly quotes?: readonly QuoteView[];
  /** A live quote table the test changes as it goes (instead of `quotes`). */
  readonly quoteBook?: Map<ContractId, QuoteView>;
  readonly contracts?: readonly ContractView[];
  readonly day?: string;
  readonly history?: Readonly<Record<string, number>>;
  readonly peakEndOfDayCents?: number;
  readonly peakEquityCents?: number;
  readonly dayHighEquityCents?: number;
  readonly nextRollAt?: number;
  readonly settings?: RiskSettings;
}

/** An account book as the rules see it, without the trading core. */
export function aState(options: StateOptions = {}): AccountBook {
  const contracts = new Map<ContractId, ContractView>(
    (options.contracts ?? [esContract, nqContract, mnqContract, rtyContract]).map((contract) => [contract.id, contract]),
  );
  const quotes = options.quoteBook ?? new Map<ContractId, QuoteView>((options.quotes ?? []).map((quote) => [quote.contractId, quote]));
  const ledger = new AccountLedger(evaluationAccount.id, undefined);
  ledger.day = options.day ?? '2026-11-18';
  for (const [day, cents] of Object.entries(options.history ?? {})) ledger.days.set(day, cents);
  ledger.peakEndOfDayCents = options.peakEndOfDayCents ?? null;
  ledger.peakEquityCents = options.peakEquityCents ?? null;
  ledger.dayHighEquityCents = options.dayHighEquityCents ?? null;
  const session = (options.settings ?? settingsWith()).session;
  const book = new AccountBook(evaluationAccount.id, ledger, new SessionCalendar({ ...session }), {
    contract: (contractId) => {
      const view = contracts.get(contractId);
      const symbol = view?.symbol ?? contractId;
      return { contractId, symbol, view, ...productFacts(symbol) };
    },
    quote: (contractId) => quotes.get(contractId),
    closing: (_accountId, contractId) => options.closing?.has(contractId) === true,
  });
  book.account = options.account ?? evaluationAccount;
  book.nextRollAt = options.nextRollAt ?? Date.parse('2026-11-18T23:00:00Z');
  for (const position of options.positions ?? []) book.applyPosition(position);
  for (const order of options.orders ?? []) book.applyOrder(order);
  for (const fill of options.fills ?? []) book.recordFill(fill, book.day.day, fill.time);
  return book;
}

/** A rule input at `now` (default Wednesday 10:00 CT). */
export function ruleInput(state: AccountBook, event: RiskEvent, settings: RiskSettings = settingsWith(), now = wednesdayMorning): RuleInput {
  return { state, event, settings, now };
}
