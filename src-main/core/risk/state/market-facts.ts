import type { AccountId, ContractId } from '../../../../src-shared/domain/ids';
import type { ContractView, QuoteView } from '../../../../src-shared/domain/trading';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { BrokerPort } from '../../ports/broker-port';
import type { TradingCore } from '../../trading-core';
import { productFacts, symbolOfContractId } from '../../../../src-shared/exchange';
import type { ContractFacts } from '../rules/rule-types';
import type { MarketView } from './account-book';

const retryAfterMs = 30_000;

/**
 * Contract facts and quotes for the rules, shared by every account. A contract the catalog does
 * not know yet (a trade placed in another app) is resolved through the broker in the background,
 * and its quotes are subscribed, so the P&L rules see it even with no window open.
 */
export class MarketFacts implements MarketView {
  private readonly facts = new Map<ContractId, ContractFacts>();
  private readonly resolving = new Set<ContractId>();
  private readonly failedAt = new Map<ContractId, number>();
  private readonly watched = new Set<ContractId>();
  private readonly quoteTimes = new Map<ContractId, number>();

  public constructor(
    private readonly core: TradingCore,
    private readonly clock: Clock,
    private readonly broker: Pick<BrokerPort, 'watchMarket'>,
    private readonly logger: Logger,
    private readonly resolved: (contractId: ContractId) => void,
  ) {}

  public contract(contractId: ContractId): ContractFacts {
    const known = this.facts.get(contractId);
    if (known !== undefined) return known;
    const view = this.core.contracts.known(contractId);
    const symbol = view?.symbol ?? symbolOfContractId(contractId);
    const facts: ContractFacts = { contractId, symbol, view, ...productFacts(symbol) };
    // Without the broker's tick data the facts are provisional: look again once it is resolved.
    if (view !== undefined) this.facts.set(contractId, facts);
    else this.resolve(contractId);
    return facts;
  }

  public quote(contractId: ContractId): QuoteView | undefined {
    return this.core.quotes.get(contractId);
  }

  public closing(accountId: AccountId, contractId: ContractId): boolean {
    return this.core.causes.closingCause(accountId, contractId, this.clock.now()) !== undefined;
  }

  /** Makes a contract the order service already resolved known at once. */
  public remember(contract: ContractView): void {
    if (this.facts.get(contract.id)?.view === undefined)
      this.facts.set(contract.id, { contractId: contract.id, symbol: contract.symbol, view: contract, ...productFacts(contract.symbol) });
  }

  /** Subscribes the quotes of a contract with a position (once). */
  public watch(contractId: ContractId): void {
    if (this.watched.has(contractId)) return;
    this.watched.add(contractId);
    this.broker.watchMarket(contractId);
  }

  /** Notes a quote's arrival, for the frozen-feed check. */
  public quoteArrived(contractId: ContractId, at: number): void {
    this.quoteTimes.set(contractId, at);
  }

  /** When the last quote of a contract arrived. */
  public lastQuoteAt(contractId: ContractId): number | undefined {
    return this.quoteTimes.get(contractId);
  }

  private resolve(contractId: ContractId): void {
    const failed = this.failedAt.get(contractId);
    if (this.resolving.has(contractId) || (failed !== undefined && this.clock.now() - failed < retryAfterMs)) return;
    this.resolving.add(contractId);
    void this.core.contracts.resolve(contractId).then(
      (result) => {
        this.resolving.delete(contractId);
        if (!result.ok) {
          this.failedAt.set(contractId, this.clock.now());
          this.logger.warn({ contractId, reason: result.error.message }, 'risk: cannot resolve a contract; its P&L rules wait');
          return;
        }
        this.remember(result.value);
        this.resolved(contractId);
      },
      () => this.resolving.delete(contractId),
    );
  }
}
