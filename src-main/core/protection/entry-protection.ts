import { oneOffTemplate, type BracketTemplate } from '../../../src-shared/domain/brackets';
import type { AccountId } from '../../../src-shared/domain/ids';
import type { ContractView, OrderSide, OrderType, PositionView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { EntryPlans } from './entry-plans';
import type { PositionPlans } from './position-plans';
import type { TemplateCatalog } from './template-catalog';

/** The protection parts the order service reads. */
export interface OrderProtection {
  readonly catalog: TemplateCatalog;
  readonly entries: EntryPlans;
  readonly plans: PositionPlans;
}

/** What an order asks for: a template by name (`none` for none), or the one-off `--sl/--tp`. */
export interface TemplateChoice {
  readonly template?: string | BracketTemplate;
  readonly stopLossTicks?: number;
  readonly takeProfitTicks?: number;
}

/** How an order goes out: its template (for the position it opens), and whether the broker's own bracket carries it. */
export interface EntryDecision {
  readonly template: BracketTemplate | null;
  readonly native: { readonly stopLossTicks?: number; readonly takeProfitTicks?: number } | null;
}

/** True when an order on `side` closes part or all of the position (or reverses it). */
export function reducesPosition(position: PositionView | undefined, side: OrderSide): boolean {
  return position !== undefined && position.size !== 0 && position.size > 0 !== (side === 'buy');
}

/**
 * Decides an order's protection. An explicit template wins, then `--sl/--tp` as a one-off template,
 * then (for the trader's own orders) the account's default for the contract. An order that reduces
 * or reverses the position never carries the broker's entry bracket: a reversal's new position gets
 * its legs from the protection engine after the fill. The broker's bracket (Auto OCO, so a stop and
 * target pair lives at the broker while the terminal is closed) is used for a stop-market stop and
 * at most one target, unless the account refused brackets before.
 */
export function decideEntry(
  protection: OrderProtection | undefined,
  choice: TemplateChoice,
  context: {
    readonly accountId: AccountId;
    readonly contract: ContractView;
    readonly side: OrderSide;
    readonly size: number;
    readonly type: OrderType;
    readonly position: PositionView | undefined;
    readonly manual: boolean;
  },
): Result<EntryDecision> {
  let template: BracketTemplate | null;
  if (typeof choice.template === 'object') template = choice.template;
  else if (choice.template !== undefined && choice.template.toLowerCase() === 'none') template = null;
  else if (choice.template !== undefined) {
    const named = protection?.catalog.get(choice.template);
    if (named === undefined) return fail('not-found', `no bracket template is named "${choice.template}"`, 'template');
    template = named;
  } else if (choice.stopLossTicks !== undefined || choice.takeProfitTicks !== undefined) {
    template = oneOffTemplate(choice.stopLossTicks, choice.takeProfitTicks, context.size);
  } else {
    template = context.manual ? (protection?.catalog.defaultFor(context.accountId, context.contract.symbol) ?? null) : null;
  }
  if (template === null) return ok({ template: null, native: null });
  const nativeFits =
    !reducesPosition(context.position, context.side) &&
    context.type !== 'trailing-stop' &&
    (protection === undefined || protection.entries.acceptsNativeBrackets(context.accountId)) &&
    (template.stop === null || template.stop.type === 'stop-market') &&
    template.targets.length <= 1;
  if (!nativeFits) return ok({ template, native: null });
  const target = template.targets[0];
  return ok({
    template,
    native: { ...(template.stop === null ? {} : { stopLossTicks: template.stop.ticks }), ...(target === undefined ? {} : { takeProfitTicks: target.ticks }) },
  });
}

/** True for the broker's refusal of native brackets (an account in Position Brackets mode). */
export function refusesBrackets(message: string): boolean {
  return /position brackets/i.test(message);
}
