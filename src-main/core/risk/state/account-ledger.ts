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
  readonly days: Readonly<Record<string, Cents>>;
}

// About a year and a half of trading days is plenty for the consistency rule.
const keptDays = 400;

/**
 * What outlives a trading day for one account, persisted: the day in progress and its net P&L,
 * the last balance seen, the best end-of-day balance (rule 014) and each day's result (rule 015).
 * If the terminal was closed at the roll, the stored day is finished at the next start.
 */
export class AccountLedger implements AccountHistory {
  public day = '';
  public dayNetCents: Cents = 0;
  public balanceCents: Cents | null = null;
  public peakEndOfDayCents: Cents | null = null;
  public readonly days = new Map<string, Cents>();

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
    for (const [day, cents] of Object.entries(stored.days ?? {})) if (typeof cents === 'number') this.days.set(day, cents);
  }

  /** Finishes the stored day (its result and end balance) and starts `day`; false when `day` is already current. */
  public roll(day: string): boolean {
    if (day === this.day) return false;
    if (this.day !== '') {
      this.days.set(this.day, this.dayNetCents);
      if (this.balanceCents !== null) this.peakEndOfDayCents = Math.max(this.peakEndOfDayCents ?? this.balanceCents, this.balanceCents);
    }
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

  private save(): void {
    const stored: StoredLedger = {
      day: this.day,
      dayNetCents: this.dayNetCents,
      balanceCents: this.balanceCents,
      peakEndOfDayCents: this.peakEndOfDayCents,
      days: Object.fromEntries(this.days),
    };
    this.store?.saveSetting(ledgerKey(this.accountId), stored);
  }
}
