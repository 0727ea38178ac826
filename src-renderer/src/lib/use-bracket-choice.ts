import type { BracketCatalogView, BracketTemplate } from '../../../src-shared/domain/brackets';
import { choiceRequest, choiceTemplate, effectiveChoice, nextChoice, pickKey, type BracketChoice } from './bracket-choice';
import { readOrderDefaults, useBracketPick, useOrderDefaultsActions, useStopLossTicks, useTakeProfitTicks } from './order-defaults-store';
import { useBracketCatalog } from './queries/bracket-queries';

/** The bracket in force for an account and contract root, and how to change it. */
export interface BracketChoiceState {
  /** The templates and defaults, once read. */
  readonly catalog: BracketCatalogView | undefined;
  /** The trader's pick, else the account's default for the root; undefined until the catalogue is read. */
  readonly choice: BracketChoice | undefined;
  /** True when the choice is the account's default (nothing picked). */
  readonly isDefault: boolean;
  pick(choice: BracketChoice): void;
  /** Moves to the next choice (None, each template, Custom SL/TP). */
  cycle(): void;
}

/** The ticket's and chart trading's bracket choice for one account and root. */
export function useBracketChoice(accountId: number | undefined, symbol: string | undefined): BracketChoiceState {
  const catalog = useBracketCatalog().data;
  const key = pickKey(accountId, symbol);
  const picked = useBracketPick(key);
  const actions = useOrderDefaultsActions();
  const choice = effectiveChoice(catalog, picked, accountId, symbol);
  return {
    catalog,
    choice,
    isDefault: picked === undefined || choice !== picked,
    pick: (next) => actions.bracketPicked(key, next),
    cycle: () => actions.bracketPicked(key, nextChoice(catalog, choice)),
  };
}

/** The `orders.place` bracket fields and the planned template of an entry, read when the order is sent. */
export function bracketOfEntry(
  catalog: BracketCatalogView | undefined,
  accountId: number | undefined,
  symbol: string,
  size: number,
): { request: ReturnType<typeof choiceRequest>; plan: BracketTemplate | null } {
  const defaults = readOrderDefaults();
  const choice = effectiveChoice(catalog, defaults.bracketPicks[pickKey(accountId, symbol)], accountId, symbol);
  const custom = { stopLossTicks: defaults.stopLossTicks, takeProfitTicks: defaults.takeProfitTicks };
  return { request: choiceRequest(choice, custom), plan: choiceTemplate(catalog, choice, custom, size) };
}

/** The custom stop and target as they are now (for the ticket's summary). */
export function useCustomBracket(): { stopLossTicks: number; takeProfitTicks: number } {
  return { stopLossTicks: useStopLossTicks(), takeProfitTicks: useTakeProfitTicks() };
}
