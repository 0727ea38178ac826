import type { BracketTemplate } from '../../../src-shared/domain/brackets';
import type { AccountId, ContractId, EpochMs, OrderId } from '../../../src-shared/domain/ids';

/** An order the terminal sent with a bracket template: its position gets that template. */
export interface EntryPlan {
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly customTag: string;
  readonly template: BracketTemplate;
  /** The stop and target went with the order as the broker's own bracket (Auto OCO). */
  readonly native: boolean;
}

/** How long an entry's template waits, after its fill, for the position it opened. */
const adoptWindowMs = 10_000;

/**
 * Templates of the orders the terminal sent, by client tag and then by order id, and the template
 * of the newest filled entry per contract until a position adopts it. Accounts whose broker
 * refuses native brackets (Position Brackets mode) are remembered here too.
 */
export class EntryPlans {
  private readonly byTag = new Map<string, EntryPlan>();
  private readonly byId = new Map<OrderId, EntryPlan>();
  private readonly filled = new Map<string, { readonly plan: EntryPlan; readonly at: EpochMs }>();
  private readonly positionBracketAccounts = new Set<AccountId>();

  /** Records the plan of an order about to be sent. */
  public add(plan: EntryPlan): void {
    this.byTag.set(`${plan.accountId}|${plan.customTag}`, plan);
  }

  /** Binds a plan to the broker's order id. */
  public bind(accountId: AccountId, customTag: string, orderId: OrderId): void {
    const plan = this.byTag.get(`${accountId}|${customTag}`);
    if (plan !== undefined) this.byId.set(orderId, plan);
  }

  /** The plan of an order, by id or tag. */
  public of(accountId: AccountId, orderId: OrderId, customTag: string | null): EntryPlan | undefined {
    const plan = this.byId.get(orderId) ?? (customTag === null ? undefined : this.byTag.get(`${accountId}|${customTag}`));
    if (plan !== undefined) this.byId.set(orderId, plan);
    return plan;
  }

  /** True for an order the terminal sent with a plan. */
  public isEntry(orderId: OrderId): boolean {
    return this.byId.has(orderId);
  }

  /** An entry filled (in part): its template waits for the position. */
  public entryFilled(plan: EntryPlan, at: EpochMs): void {
    this.filled.set(`${plan.accountId}|${plan.contractId}`, { plan, at });
  }

  /** Takes the newest filled entry's plan of a contract, if it filled recently. */
  public adopt(accountId: AccountId, contractId: ContractId, now: EpochMs): EntryPlan | undefined {
    const key = `${accountId}|${contractId}`;
    const filled = this.filled.get(key);
    this.filled.delete(key);
    return filled !== undefined && now - filled.at <= adoptWindowMs ? filled.plan : undefined;
  }

  /** The broker refused native brackets on this account: the terminal manages the legs itself. */
  public refusesNativeBrackets(accountId: AccountId): void {
    this.positionBracketAccounts.add(accountId);
  }

  /** False once the account's broker refused native brackets. */
  public acceptsNativeBrackets(accountId: AccountId): boolean {
    return !this.positionBracketAccounts.has(accountId);
  }
}
