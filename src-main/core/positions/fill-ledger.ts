import type { AccountId, ContractId, FillId } from '../../../src-shared/domain/ids';
import type { Cents } from '../../../src-shared/domain/money';
import type { FillView } from '../../../src-shared/domain/trading';

/** Realized figures of one scope over one trading day. */
export interface RealizedSummary {
  readonly realizedCents: Cents;
  readonly feesCents: Cents;
  readonly fills: number;
  readonly closingFills: number;
}

const emptySummary: RealizedSummary = { realizedCents: 0, feesCents: 0, fills: 0, closingFills: 0 };

/** Every fill once (by id), with running realized P&L and fees per account and contract for the trading day. */
export class FillLedger {
  private readonly fills = new Map<FillId, FillView>();
  private day = '';
  private readonly byAccount = new Map<AccountId, RealizedSummary>();
  private readonly byContract = new Map<string, RealizedSummary>();

  public constructor(private readonly tradingDayOf: (time: number) => string) {}

  /**
   * Records a fill: `new` the first time; `voided` when a fill already recorded comes back voided
   * (a busted trade: its realized P&L and fees leave the day's figures); `repeat` otherwise.
   */
  public record(fill: FillView): 'new' | 'voided' | 'repeat' {
    const known = this.fills.get(fill.id);
    if (known === undefined) {
      this.fills.set(fill.id, fill);
      if (!fill.voided && this.tradingDayOf(fill.time) === this.day) this.add(fill, 1);
      return 'new';
    }
    if (!fill.voided || known.voided) return 'repeat';
    this.fills.set(fill.id, { ...known, voided: true });
    if (this.tradingDayOf(known.time) === this.day) this.add(known, -1);
    return 'voided';
  }

  /** Starts a new trading day: the day's figures restart from the fills that belong to it. */
  public rollTo(day: string): void {
    if (day === this.day) return;
    this.day = day;
    this.byAccount.clear();
    this.byContract.clear();
    for (const fill of this.fills.values()) if (!fill.voided && this.tradingDayOf(fill.time) === day) this.add(fill, 1);
  }

  /** The current trading day, `YYYY-MM-DD`. */
  public get currentDay(): string {
    return this.day;
  }

  /** The day's realized figures of an account. */
  public account(accountId: AccountId): RealizedSummary {
    return this.byAccount.get(accountId) ?? emptySummary;
  }

  /** The day's realized figures of one contract in an account. */
  public contract(accountId: AccountId, contractId: ContractId): RealizedSummary {
    return this.byContract.get(`${accountId}|${contractId}`) ?? emptySummary;
  }

  /** Fills of an account, newest first, at most `limit`. */
  public recent(accountId: AccountId, limit: number): FillView[] {
    return [...this.fills.values()]
      .filter((fill) => fill.accountId === accountId)
      .sort((a, b) => b.time - a.time || b.id - a.id)
      .slice(0, limit);
  }

  /** The newest fill time of an account, or undefined. */
  public lastFillTime(accountId: AccountId): number | undefined {
    let latest: number | undefined;
    for (const fill of this.fills.values()) if (fill.accountId === accountId && (latest === undefined || fill.time > latest)) latest = fill.time;
    return latest;
  }

  /** Adds a fill to the day's figures (`sign` -1 takes a voided one back out). */
  private add(fill: FillView, sign: 1 | -1): void {
    const accountKey = fill.accountId;
    const contractKey = `${fill.accountId}|${fill.contractId}`;
    this.byAccount.set(accountKey, plus(this.byAccount.get(accountKey) ?? emptySummary, fill, sign));
    this.byContract.set(contractKey, plus(this.byContract.get(contractKey) ?? emptySummary, fill, sign));
  }
}

function plus(summary: RealizedSummary, fill: FillView, sign: 1 | -1): RealizedSummary {
  return {
    realizedCents: summary.realizedCents + sign * (fill.realizedCents ?? 0),
    feesCents: summary.feesCents + sign * fill.feesCents,
    fills: summary.fills + sign,
    closingFills: summary.closingFills + (fill.realizedCents === null ? 0 : sign),
  };
}
