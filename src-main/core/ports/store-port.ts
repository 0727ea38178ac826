import type { AccountId, ContractId, EpochMs } from '../../../src-shared/domain/ids';
import type { AccountView, BarUnit, BarView, ContractView, FillView, OrderView } from '../../../src-shared/domain/trading';

/** One entry of the append-only journal of what the broker told the terminal about orders and fills. */
export type JournalEntry =
  | { readonly kind: 'order'; readonly order: OrderView; readonly at: EpochMs }
  | { readonly kind: 'fill'; readonly fill: FillView; readonly at: EpochMs }
  /** The broker voided a fill already journaled (a busted trade): its stored copy is marked voided. */
  | { readonly kind: 'void'; readonly fill: FillView; readonly at: EpochMs };

/** One row of the audit log: who did what, with which result. */
export interface AuditEntry {
  readonly at: EpochMs;
  readonly accountId: AccountId | null;
  /** e.g. `order.place`, `risk.enforce`, `settings.set`. */
  readonly action: string;
  /** Who acted: `trader`, `cli`, `risk:003`, `strategy:<id>`. */
  readonly actor: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A page of audit rows, newest first. */
export interface AuditPage {
  readonly entries: readonly (AuditEntry & { readonly id: number })[];
  readonly nextBefore: number | null;
}

/** A cached range of bars of one series. */
export interface BarSeriesKey {
  readonly contractId: ContractId;
  readonly unit: BarUnit;
  readonly unitNumber: number;
}

/**
 * The store as the core sees it (better-sqlite3 behind it). Writes are queued and committed in one
 * transaction per event-loop turn; `flush` forces it. Reads see queued writes.
 */
export interface StorePort {
  /** Appends to the journal. A fill already journaled (same id) is ignored: a fill is recorded once. */
  journal(entry: JournalEntry): void;
  /** Fills of an account at or after a time, oldest first. */
  fillsSince(accountId: AccountId, since: EpochMs): FillView[];
  /** The latest journaled state of every order of an account that is not final. */
  workingOrders(accountId: AccountId): OrderView[];

  saveAccount(account: AccountView): void;
  accounts(): AccountView[];
  saveContract(contract: ContractView): void;
  contract(contractId: ContractId): ContractView | undefined;

  /** Bars of a series in [from, to), oldest first, and the sub-ranges of [from, to) not cached yet. */
  cachedBars(key: BarSeriesKey, from: EpochMs, to: EpochMs): { readonly bars: BarView[]; readonly missing: readonly (readonly [EpochMs, EpochMs])[] };
  /** Caches bars of a series and marks [from, to) as covered. */
  cacheBars(key: BarSeriesKey, from: EpochMs, to: EpochMs, bars: readonly BarView[]): void;

  /** A setting's stored JSON value, or undefined. Validation and defaults live with the caller's schema. */
  setting(key: string): unknown;
  saveSetting(key: string, value: unknown): void;

  audit(entry: AuditEntry): void;
  auditPage(accountId: AccountId | null, before: number | null, limit: number): AuditPage;

  /** Commits queued writes now. */
  flush(): void;
  close(): void;
}
