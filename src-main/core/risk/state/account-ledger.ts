import type { AccountId } from '../../../../src-shared/domain/ids';
import type { Cents } from '../../../../src-shared/domain/money';
import type { StorePort } from '../../ports/store-port';
import type { AccountHistory } from '../rules/rule-types';

/** The settings key of an account's ledger. */
export function ledgerKey(accountId: AccountId): string {
  return `risk.account.${accountId}`;
}

interface StoredLedger {
  readonly day: string;
  readonly dayNetCents: Cents;
  readonly balanceCents: Cents | null;
  readonly peakEndOfDayCents: Cents | null;
  readonly peakEquityCents?: Cents | null;
  readonly dayHighEquityCents?: Cents | null;
  readonly days: Readonly<Record<string, Cents>>;
}

// A new high of the day's equity is saved at most this often (every other save carries it too).
const equitySaveIntervalMs = 1000;

// About a year and a half of trading days is plenty for the consistency rule.
const keptDays = 400;

/**
 * What outlives a trading day for one account, persisted: the day in progress and its net P&L,
 * the last balance seen, the best end-of-day balance and the highest equity of the day and of the
 * days before (rule 014's end-of-day and intraday floors) and each day's result (rule 015).
 * If the terminal was closed at the roll, the stored day is finished at the next start.
 */
export class AccountLedger implements AccountHistory {
  public day = '';
  public dayNetCents: Cents = 0;
  public balanceCents: Cents | null = null;
  public peakEndOfDayCents: Cents | null = null;
  public peakEquityCents: Cents | null = null;
  public dayHighEquityCents: Cents | null = null;
  public readonly days = new Map<string, Cents>();
  private equitySavedAt = Number.NEGATIVE_INFINITY;

  public constructor(
    private readonly accountId: AccountId,
    private readonly store: StorePort | undefined,
  ) {
    const stored = store?.setting(ledgerKey(accountId)) as Partial<StoredLedger> | undefined;
    if (stored === undefined || typeof stored !== 'object' || stored === null) return;
    this.day = typeof stored.day === 'string' ? stored.day : '';
    this.dayNetCents = typeof stored.dayNetCents === 'number' ? stored.dayNetCents : 0;
    this.balanceCents = typeof stored.balanceCents === 'number' ? stored.balanceCents : null;
    this.peakEndOfDayCents = typeof stored.peakEndOfDayCents === 'number' ? stored.peakEndOfDayCents : null;
    this.peakEquityCents = typeof stored.peakEquityCents === 'number' ? stored.peakEquityCents : null;
    this.dayHighEquityCents = typeof stored.dayHighEquityCents === 'number' ? stored.dayHighEquityCents : null;
    for (const [day, cents] of Object.entries(stored.days ?? {})) if (typeof cents === 'number') this.days.set(day, cents);
  }

  /** Finishes the stored day (its result and end balance) and starts `day`; false when `day` is already current. */
  public roll(day: string): boolean {
    if (day === this.day) return false;
    if (this.day !== '') {
      this.days.set(this.day, this.dayNetCents);
      if (this.balanceCents !== null) this.peakEndOfDayCents = Math.max(this.peakEndOfDayCents ?? this.balanceCents, this.balanceCents);
      // The day's high joins the highs of the days before; the new day starts without one.
      if (this.dayHighEquityCents !== null) this.peakEquityCents = Math.max(this.peakEquityCents ?? this.dayHighEquityCents, this.dayHighEquityCents);
    }
    this.dayHighEquityCents = null;
    while (this.days.size > keptDays) {
      const oldest = [...this.days.keys()].sort()[0];
      if (oldest === undefined) break;
      this.days.delete(oldest);
    }
    this.day = day;
    this.dayNetCents = 0;
    this.save();
    return true;
  }

  /** Records the day's running net P&L. */
  public updateDay(netCents: Cents): void {
    if (netCents === this.dayNetCents) return;
    this.dayNetCents = netCents;
    this.save();
  }

  /** Records the latest balance (the first one seen also seeds the best end-of-day balance). */
  public updateBalance(balanceCents: Cents, dayNetCents: Cents): void {
    if (balanceCents === this.balanceCents) return;
    this.balanceCents = balanceCents;
    // Unknown history: the balance before today's trading is the best estimate of the last close.
    this.peakEndOfDayCents ??= balanceCents - dayNetCents;
    this.save();
  }

  /**
   * Records the account's equity (balance plus open P&L) now: a new high of the day is kept at once
   * and saved at most once a second (`now`, epoch ms), so a fast market does not write every tick.
   */
  public updateEquity(equityCents: Cents, now: number): void {
    if (this.dayHighEquityCents !== null && equityCents <= this.dayHighEquityCents) return;
    this.dayHighEquityCents = equityCents;
    if (now - this.equitySavedAt < equitySaveIntervalMs) return;
    this.save();
    this.equitySavedAt = now;
  }

  private save(): void {
    const stored: StoredLedger = {
      day: this.day,
      dayNetCents: this.dayNetCents,
      balanceCents: this.balanceCents,
      peakEndOfDayCents: this.peakEndOfDayCents,
      peakEquityCents: this.peakEquityCents,
      dayHighEquityCents: this.dayHighEquityCents,
      days: Object.fromEntries(this.days),
    };
    this.store?.saveSetting(ledgerKey(this.accountId), stored);
  }
}
