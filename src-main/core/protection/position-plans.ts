import { z } from 'zod';
import { bracketTemplateSchema, type BracketTemplate } from '../../../src-shared/domain/brackets';
import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import type { StorePort } from '../ports/store-port';

/** The protection of one open position: its template, what its legs were provided for, its best price. */
export interface PositionPlan {
  readonly accountId: AccountId;
  readonly contractId: ContractId;
  readonly template: BracketTemplate | null;
  /** +1 long, -1 short: a reversal starts a new plan. */
  readonly direction: number;
  /** The position size the legs were last provided for. */
  readonly provisionedSize: number;
  /** The best price since the position opened (break-even and trail measure from it). */
  readonly bestTicks: number | null;
}

const plansKey = 'protection.plans';
const storedPlans = z.array(
  z
    .object({
      accountId: z.number().int(),
      contractId: z.string(),
      template: bracketTemplateSchema.nullable(),
      direction: z.union([z.literal(1), z.literal(-1)]),
      provisionedSize: z.number().int().min(0),
      bestTicks: z.number().nullable(),
    })
    .strict(),
);

/**
 * Every open position's plan, kept in the store so a restarted terminal still knows which template
 * a position lives under. The order service reads it (a reverse keeps the position's template).
 */
export class PositionPlans {
  private readonly plans = new Map<string, PositionPlan>();

  public constructor(private readonly store: StorePort | undefined) {
    const stored = storedPlans.safeParse(store?.setting(plansKey));
    if (stored.success) for (const plan of stored.data) this.plans.set(`${plan.accountId}|${plan.contractId}`, plan);
  }

  /** A position's plan, if it has one. */
  public get(accountId: AccountId, contractId: ContractId): PositionPlan | undefined {
    return this.plans.get(`${accountId}|${contractId}`);
  }

  /** Every plan. */
  public all(): PositionPlan[] {
    return [...this.plans.values()];
  }

  /** The plans of one contract, across accounts (quotes are per contract: no array per quote). */
  public *ofContract(contractId: ContractId): Generator<PositionPlan> {
    for (const plan of this.plans.values()) if (plan.contractId === contractId) yield plan;
  }

  /** Stores a plan; `persist` false for a change only of the best price (written with the next real change). */
  public set(plan: PositionPlan, persist = true): void {
    this.plans.set(`${plan.accountId}|${plan.contractId}`, plan);
    if (persist) this.save();
  }

  /** Forgets a closed position's plan. */
  public delete(accountId: AccountId, contractId: ContractId): void {
    if (this.plans.delete(`${accountId}|${contractId}`)) this.save();
  }

  private save(): void {
    this.store?.saveSetting(plansKey, [...this.plans.values()]);
  }
}
