import type { AccountId, ContractId, EpochMs } from '../../../src-shared/domain/ids';
import type { AccountView, BarView, ContractView, FillView, OrderStatus, OrderView } from '../../../src-shared/domain/trading';
import type { AuditEntry, AuditPage, BarSeriesKey, JournalEntry, StorePort } from '../ports/store-port';

const finalStatuses: ReadonlySet<OrderStatus> = new Set(['filled', 'cancelled', 'expired', 'rejected']);

/**
 * The StorePort in memory, for tests of the core (risk, strategies, handlers) and the benchmarks.
 * Settings go through JSON both ways, as in SQLite, so a second manager over the same store sees
 * exactly what a restart would. The bar cache holds nothing (every range is missing) and records
 * what was written to it.
 */
export class MemoryStore implements StorePort {
  /** Settings as their JSON text, by key. */
  public readonly settings = new Map<string, string>();
  public readonly auditRows: (AuditEntry & { readonly id: number })[] = [];
  /** The ranges written to the bar cache, as `[from, to, bars]`. */
  public readonly cachedRanges: [EpochMs, EpochMs, number][] = [];
  private readonly fills = new Map<number, FillView>();
  private readonly orders = new Map<number, OrderView>();
  private readonly accountRows = new Map<AccountId, AccountView>();
  private readonly contracts = new Map<ContractId, ContractView>();

  public journal(entry: JournalEntry): void {
    if (entry.kind === 'fill' && !this.fills.has(entry.fill.id)) this.fills.set(entry.fill.id, entry.fill);
    const voided = entry.kind === 'void' ? this.fills.get(entry.fill.id) : undefined;
    if (voided !== undefined) this.fills.set(voided.id, { ...voided, voided: true });
    if (entry.kind === 'order') this.orders.set(entry.order.id, entry.order);
  }

  public fillsSince(accountId: AccountId, since: EpochMs): FillView[] {
    return [...this.fills.values()].filter((fill) => fill.accountId === accountId && fill.time >= since).sort((a, b) => a.time - b.time);
  }

  public workingOrders(accountId: AccountId): OrderView[] {
    return [...this.orders.values()].filter((order) => order.accountId === accountId && !finalStatuses.has(order.status));
  }

  public saveAccount(account: AccountView): void {
    this.accountRows.set(account.id, account);
  }

  public accounts(): AccountView[] {
    return [...this.accountRows.values()];
  }

  public saveContract(contract: ContractView): void {
    this.contracts.set(contract.id, contract);
  }

  public contract(contractId: ContractId): ContractView | undefined {
    return this.contracts.get(contractId);
  }

  public cachedBars(_key: BarSeriesKey, from: EpochMs, to: EpochMs): { bars: BarView[]; missing: [EpochMs, EpochMs][] } {
    return { bars: [], missing: [[from, to]] };
  }

  public cacheBars(_key: BarSeriesKey, from: EpochMs, to: EpochMs, bars: readonly BarView[]): void {
    this.cachedRanges.push([from, to, bars.length]);
  }

  public setting(key: string): unknown {
    const json = this.settings.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as unknown);
  }

  public saveSetting(key: string, value: unknown): void {
    if (value === undefined) this.settings.delete(key);
    else this.settings.set(key, JSON.stringify(value));
  }

  public audit(entry: AuditEntry): void {
    this.auditRows.push({ ...entry, detail: JSON.parse(JSON.stringify(entry.detail)) as Record<string, unknown>, id: this.auditRows.length + 1 });
  }

  public auditPage(accountId: AccountId | null, before: number | null, limit: number): AuditPage {
    const rows = this.auditRows.filter((row) => (accountId === null || row.accountId === accountId) && row.id < (before ?? Number.MAX_SAFE_INTEGER)).reverse();
    const entries = rows.slice(0, limit);
    return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
  }

  /** Rows of one action, oldest first. */
  public rows(action: string): (AuditEntry & { readonly id: number })[] {
    return this.auditRows.filter((row) => row.action === action);
  }

  public flush(): void {}

  public close(): void {}
}
