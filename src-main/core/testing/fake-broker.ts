import type { AccountId, ContractId, OrderId } from '../../../src-shared/domain/ids';
import type { AccountView, BarView, ContractView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import type {
  BarsRequest,
  BrokerDiagnostics,
  BrokerEvent,
  BrokerModifyRequest,
  BrokerOrderRequest,
  BrokerPort,
  BrokerSnapshot,
  CallLane,
} from '../ports/broker-port';

/** A broker call the fake recorded, in order. */
export type RecordedCall =
  | { readonly call: 'place'; readonly request: BrokerOrderRequest; readonly lane: CallLane }
  | { readonly call: 'modify'; readonly request: BrokerModifyRequest; readonly lane: CallLane }
  | { readonly call: 'cancel'; readonly accountId: AccountId; readonly orderId: OrderId; readonly lane: CallLane }
  | { readonly call: 'close'; readonly accountId: AccountId; readonly contractId: ContractId; readonly size: number | undefined; readonly lane: CallLane };

/** The E-mini S&P contract the fake knows. */
export const esContract: ContractView = {
  id: 'CON.F.US.EP.Z26',
  name: 'ESZ6',
  description: 'E-mini S&P 500: December 2026',
  symbol: 'ES',
  symbolId: 'F.US.EP',
  tickSize: 0.25,
  tickValueCents: 1250,
  active: true,
};

/** A 50K evaluation account. */
export const evaluationAccount: AccountView = { id: 101, name: '50KTC-V2-1', balanceCents: 5_000_000, canTrade: true, isVisible: true, simulated: true };

/** A call-recording broker for core tests: answers from tables, emits events when told. */
export class FakeBroker implements BrokerPort {
  public readonly calls: RecordedCall[] = [];
  public accountsList: AccountView[] = [evaluationAccount];
  public contracts: ContractView[] = [esContract];
  public snapshots = new Map<AccountId, BrokerSnapshot>();
  public nextOrderId = 3_500_000_000;
  public placeAnswer: Result<{ orderId: OrderId }> | undefined;
  private readonly listeners = new Set<(event: BrokerEvent) => void>();
  public readonly watchedAccounts = new Set<AccountId>();
  public readonly watchedContracts = new Set<ContractId>();

  /** Sends an event to the core, as the adapter would. */
  public emit(event: BrokerEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  public maxBarsPerRequest = 20_000;

  public isContractId(text: string): boolean {
    return text.startsWith('CON.');
  }

  /** Answers for the next starts, in order (then ok). */
  public readonly startAnswers: Result<void>[] = [];

  public async start(): Promise<Result<void>> {
    const answer = this.startAnswers.shift();
    if (answer !== undefined && !answer.ok) return answer;
    for (const channel of ['rest', 'user-hub', 'market-hub'] as const) this.emit({ kind: 'link', channel, state: 'live', reason: 'connected' });
    return ok(undefined);
  }

  public async stop(): Promise<void> {}

  public subscribe(listener: (event: BrokerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  public async accounts(): Promise<Result<AccountView[]>> {
    return ok(this.accountsList);
  }

  public async searchContracts(text: string): Promise<Result<ContractView[]>> {
    return ok(this.contracts.filter((contract) => contract.symbol.includes(text.toUpperCase()) || contract.name.includes(text.toUpperCase())));
  }

  public async contractById(contractId: ContractId): Promise<Result<ContractView>> {
    const contract = this.contracts.find((candidate) => candidate.id === contractId);
    return contract === undefined ? fail('not-found', `contract ${contractId} not found`) : ok(contract);
  }

  public async bars(_request: BarsRequest): Promise<Result<BarView[]>> {
    return ok([]);
  }

  public async placeOrder(request: BrokerOrderRequest, lane: CallLane): Promise<Result<{ orderId: OrderId }>> {
    this.calls.push({ call: 'place', request, lane });
    return this.placeAnswer ?? ok({ orderId: this.nextOrderId++ });
  }

  public async modifyOrder(request: BrokerModifyRequest, lane: CallLane): Promise<Result<void>> {
    this.calls.push({ call: 'modify', request, lane });
    return ok(undefined);
  }

  public async cancelOrder(accountId: AccountId, orderId: OrderId, lane: CallLane): Promise<Result<void>> {
    this.calls.push({ call: 'cancel', accountId, orderId, lane });
    return ok(undefined);
  }

  public async closePosition(accountId: AccountId, contractId: ContractId, size: number | undefined, lane: CallLane): Promise<Result<void>> {
    this.calls.push({ call: 'close', accountId, contractId, size, lane });
    return ok(undefined);
  }

  /** When a fake REST read begins; by default after every event (set it to play a read that predates the stream). */
  public snapshotReadAt = Number.MAX_SAFE_INTEGER;

  public async snapshot(accountId: AccountId): Promise<Result<BrokerSnapshot>> {
    return ok({ ...(this.snapshots.get(accountId) ?? { accountId, orders: [], positions: [], fills: [] }), at: this.snapshotReadAt });
  }

  public watchAccount(accountId: AccountId): void {
    this.watchedAccounts.add(accountId);
  }

  public watchMarket(contractId: ContractId): void {
    this.watchedContracts.add(contractId);
  }

  public unwatchMarket(contractId: ContractId): void {
    this.watchedContracts.delete(contractId);
  }

  public diagnostics(): BrokerDiagnostics {
    const channel = { state: 'live' as const, lastEventAt: null, eventsPerSecond: 0 };
    return {
      channels: { rest: channel, 'user-hub': channel, 'market-hub': channel },
      callLatencyMs: { p50: 0, p95: 0, p99: 0, samples: 0 },
      rateLimitHeadroom: {},
    };
  }
}
