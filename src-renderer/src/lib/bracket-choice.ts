import { oneOffTemplate, type BracketCatalogView, type BracketTemplate } from '../../../src-shared/domain/brackets';

/** What the ticket and chart trading protect a new position with: no bracket, a named template, or the one-off stop and target. */
export type BracketChoice = { readonly kind: 'none' } | { readonly kind: 'template'; readonly name: string } | { readonly kind: 'custom' };

/** The custom stop and target distances in ticks (the ticket's "Custom SL/TP"). */
export interface CustomBracket {
  readonly stopLossTicks: number;
  readonly takeProfitTicks: number;
}

/** The key a pick is kept under: the account and the contract's root (`7|ES`). */
export function pickKey(accountId: number | undefined, symbol: string | undefined): string {
  return `${accountId ?? 0}|${(symbol ?? '').toUpperCase()}`;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** The template of that name in the catalogue (case-insensitive), if there is one. */
export function templateNamed(catalog: Pick<BracketCatalogView, 'templates'>, name: string): BracketTemplate | undefined {
  return catalog.templates.find((template) => sameName(template.name, name));
}

/**
 * The account's default for a root as the core applies it: the root's own default, else the
 * account's default for every contract; none when neither is set (or the template is gone).
 */
export function defaultChoice(catalog: BracketCatalogView, accountId: number | undefined, symbol: string | undefined): BracketChoice {
  const root = (symbol ?? '').toUpperCase();
  const row =
    catalog.defaults.find((candidate) => candidate.accountId === accountId && candidate.symbol === root) ??
    catalog.defaults.find((candidate) => candidate.accountId === accountId && candidate.symbol === null);
  if (row === undefined || row.template === null) return { kind: 'none' };
  const template = templateNamed(catalog, row.template);
  return template === undefined ? { kind: 'none' } : { kind: 'template', name: template.name };
}

/** The choice in force: the trader's pick for this account and root while its template exists, else the default. */
export function effectiveChoice(
  catalog: BracketCatalogView | undefined,
  pick: BracketChoice | undefined,
  accountId: number | undefined,
  symbol: string | undefined,
): BracketChoice | undefined {
  if (pick !== undefined && (pick.kind !== 'template' || (catalog !== undefined && templateNamed(catalog, pick.name) !== undefined))) return pick;
  if (catalog === undefined) return undefined;
  return defaultChoice(catalog, accountId, symbol);
}

/** Every choice the picker offers, in order: None, the templates by name, Custom SL/TP. */
export function choiceOptions(catalog: Pick<BracketCatalogView, 'templates'> | undefined): BracketChoice[] {
  const templates = [...(catalog?.templates ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((template): BracketChoice => ({ kind: 'template', name: template.name }));
  return [{ kind: 'none' }, ...templates, { kind: 'custom' }];
}

/** The picker's value for a choice (`none`, `custom`, `template:<name>`). */
export function choiceValue(choice: BracketChoice): string {
  return choice.kind === 'template' ? `template:${choice.name}` : choice.kind;
}

/** The choice a picker value stands for. */
export function choiceFromValue(value: string): BracketChoice {
  if (value.startsWith('template:')) return { kind: 'template', name: value.slice('template:'.length) };
  return value === 'custom' ? { kind: 'custom' } : { kind: 'none' };
}

/** How a choice is called in the picker. */
export function choiceLabel(choice: BracketChoice): string {
  if (choice.kind === 'none') return 'None';
  if (choice.kind === 'custom') return 'Custom SL/TP';
  return choice.name;
}

/** The next choice after `current` (the cycle hotkey), wrapping around. */
export function nextChoice(catalog: Pick<BracketCatalogView, 'templates'> | undefined, current: BracketChoice | undefined): BracketChoice {
  const options = choiceOptions(catalog);
  const index = current === undefined ? -1 : options.findIndex((option) => choiceValue(option).toLowerCase() === choiceValue(current).toLowerCase());
  return options[(index + 1) % options.length] ?? { kind: 'none' };
}

/** The fields of `orders.place` for a choice: `template` (a name or `none`) or the one-off stop and target; nothing before the catalogue is known (the core applies the default). */
export function choiceRequest(
  choice: BracketChoice | undefined,
  custom: CustomBracket,
): { template?: string; stopLossTicks?: number; takeProfitTicks?: number } {
  if (choice === undefined) return {};
  if (choice.kind === 'none') return { template: 'none' };
  if (choice.kind === 'template') return { template: choice.name };
  return { stopLossTicks: custom.stopLossTicks, takeProfitTicks: custom.takeProfitTicks };
}

/** The template a choice gives a new position of `size` (for the chart's planned lines and the ticket's summary); null for none. */
export function choiceTemplate(
  catalog: Pick<BracketCatalogView, 'templates'> | undefined,
  choice: BracketChoice | undefined,
  custom: CustomBracket,
  size: number,
): BracketTemplate | null {
  if (choice === undefined || choice.kind === 'none') return null;
  if (choice.kind === 'custom') {
    try {
      return oneOffTemplate(custom.stopLossTicks, custom.takeProfitTicks, Math.max(1, size));
    } catch {
      return null;
    }
  }
  return catalog === undefined ? null : (templateNamed(catalog, choice.name) ?? null);
}
