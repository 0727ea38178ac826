import type { AccountId, ContractId, EpochMs } from '../../../../src-shared/domain/ids';
import type { AccountView, BarView, ContractView, FillView, OrderView } from '../../../../src-shared/domain/trading';
import type { AuditEntry, AuditPage, BarSeriesKey, JournalEntry, StorePort } from '../../ports/store-port';

/** A store in memory for core tests (not a test file itself): settings, fills, contracts and the audit log. */
export class MemoryStore implements StorePort {
  public readonly settings = new Map<string, unknown>();
  public fills: FillView[] = [];
  public readonly audits: AuditEntry[] = [];
  private readonly contracts = new Map<ContractId, ContractView>();
  private readonly accountViews = new Map<AccountId, AccountView>();

  public journal(entry: JournalEntry): void {
    if (entry.kind === 'fill' && !this.fills.some((fill) => fill.id === entry.fill.id)) this.fills.push(entry.fill);
    if (entry.kind === 'void') this.fills = this.fills.map((fill) => (fill.id === entry.fill.id ? { ...fill, voided: true } : fill));
  }

  public fillsSince(accountId: AccountId, since: EpochMs): FillView[] {
    return this.fills.filter((fill) => fill.accountId === accountId && fill.time >= since).sort((a, b) => a.time - b.time);
  }

  public workingOrders(): OrderView[] {
    return [];
  }

  public saveAccount(account: AccountView): void {
    this.accountViews.set(account.id, account);
  }

  public accounts(): AccountView[] {
    return [...this.accountViews.values()];
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

  /** The ranges cached, as `[from, to, bars]`. */
  public readonly cachedRanges: [EpochMs, EpochMs, number][] = [];

  public cacheBars(_key: BarSeriesKey, from: EpochMs, to: EpochMs, bars: readonly BarView[]): void {
    this.cachedRanges.push([from, to, bars.length]);
  }

  public setting(key: string): unknown {
    // A round trip through JSON, as the real store does.
    const value = this.settings.get(key);
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }

  public saveSetting(key: string, value: unknown): void {
    this.settings.set(key, value);
  }

  public audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  public auditPage(): AuditPage {
    return { entries: [], nextBefore: null };
  }

  public flush(): void {}

  public close(): void {}
}
