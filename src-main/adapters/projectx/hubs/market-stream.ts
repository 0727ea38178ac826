import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerEvent } from '../../../core/ports/broker-port';
import type { ContractId } from '../../../../src-shared/domain/ids';
import type { ContractView } from '../../../../src-shared/domain/trading';
import { depthChanges } from '../parse/depth';
import { mergeQuote, parseQuoteUpdate, type QuoteRecord } from '../parse/quote';
import { tapeTrades } from '../parse/tape';
import type { ContractCache } from '../rest/contract-cache';
import type { LastPrices } from '../state/last-prices';
import type { ThrottledWarn } from '../support/throttled-warn';
import type { HubLink } from './hub-link';
import type { HubSubscription } from './subscription-list';

/** What the market stream works with. */
export interface MarketStreamParts {
  readonly link: Pick<HubLink, 'on' | 'add' | 'remove'>;
  readonly contracts: ContractCache;
  readonly lastPrices: LastPrices;
  readonly emit: (event: BrokerEvent) => void;
  readonly warn: ThrottledWarn;
  readonly clock: Clock;
  readonly logger: Logger;
}

function quotes(contractId: ContractId): HubSubscription {
  return { subscribe: 'SubscribeContractQuotes', unsubscribe: 'UnsubscribeContractQuotes', args: [contractId] };
}

/** The market subscriptions of one contract: quotes, prints and depth. */
export function marketSubscriptions(contractId: ContractId): HubSubscription[] {
  return [
    quotes(contractId),
    { subscribe: 'SubscribeContractTrades', unsubscribe: 'UnsubscribeContractTrades', args: [contractId] },
    { subscribe: 'SubscribeContractMarketDepth', unsubscribe: 'UnsubscribeContractMarketDepth', args: [contractId] },
  ];
}

/**
 * The market hub's `(contractId, data)` events as domain events: quote deltas merged into the last
 * quote per contract, prints and depth from arrays or objects with nulls skipped, every price in
 * ticks (off-grid entries logged and skipped). Events of a contract whose tick size is not known
 * yet wait, in order, for its lookup.
 */
export class MarketStream {
  private readonly quotesByContract = new Map<ContractId, QuoteRecord>();
  private readonly waiting = new Map<ContractId, Promise<void>>();
  private readonly watched = new Set<ContractId>();
  private readonly borrowed = new Map<ContractId, number>();

  public constructor(private readonly parts: MarketStreamParts) {}

  /** Registers the handlers on the hub. */
  public register(): void {
    const { link } = this.parts;
    link.on('GatewayQuote', (contractId, data) => this.accept('GatewayQuote', contractId, (contract) => this.quote(contract, data)));
    link.on('GatewayTrade', (contractId, data) => this.accept('GatewayTrade', contractId, (contract) => this.prints(contract, data)));
    link.on('GatewayDepth', (contractId, data) => this.accept('GatewayDepth', contractId, (contract) => this.depth(contract, data)));
  }

  /** Subscribes a contract's quotes, prints and depth (kept across reconnects). */
  public async watch(contractId: ContractId): Promise<void> {
    this.watched.add(contractId);
    const contract = await this.parts.contracts.get(contractId);
    if (!contract.ok) this.parts.logger.warn({ contractId, reason: contract.error.message }, 'watching a contract the broker does not know');
    if (!this.watched.has(contractId)) return;
    for (const subscription of marketSubscriptions(contractId)) await this.parts.link.add(subscription);
  }

  /** Drops a contract's market subscriptions (a borrowed quote subscription stays until returned). */
  public async unwatch(contractId: ContractId): Promise<void> {
    this.watched.delete(contractId);
    const [quoteSubscription, ...others] = marketSubscriptions(contractId);
    for (const subscription of others) await this.parts.link.remove(subscription);
    if (quoteSubscription !== undefined && (this.borrowed.get(contractId) ?? 0) === 0) await this.parts.link.remove(quoteSubscription);
    this.quotesByContract.delete(contractId);
  }

  /** Opens a quote subscription for a moment (a trailing stop needs a last price); returns its release. */
  public borrowQuotes(contractId: ContractId): () => void {
    this.borrowed.set(contractId, (this.borrowed.get(contractId) ?? 0) + 1);
    void this.parts.contracts.get(contractId).then(() => this.parts.link.add(quotes(contractId)));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.borrowed.get(contractId) ?? 1) - 1;
      if (left > 0) this.borrowed.set(contractId, left);
      else this.borrowed.delete(contractId);
      if (left === 0 && !this.watched.has(contractId)) void this.parts.link.remove(quotes(contractId));
    };
  }

  private accept(event: string, contractIdArg: unknown, handle: (contract: ContractView) => void): void {
    if (typeof contractIdArg !== 'string' || contractIdArg.length === 0) {
      this.parts.warn.warn(event, {}, 'skipped a market payload without a contractId');
      return;
    }
    const contractId = contractIdArg;
    const run = (contract: ContractView): void => {
      try {
        handle(contract);
      } catch (error) {
        this.parts.warn.warn(event, { contractId, reason: error instanceof Error ? error.message : 'unknown' }, 'market handler failed');
      }
    };
    const known = this.parts.contracts.peek(contractId);
    const pending = this.waiting.get(contractId);
    if (known !== undefined && pending === undefined) return run(known);
    const next = (pending ?? Promise.resolve()).then(async () => {
      const contract = await this.parts.contracts.get(contractId);
      if (contract.ok) run(contract.value);
      else this.parts.warn.warn(event, { contractId, reason: contract.error.message }, 'skipped a market payload of an unknown contract');
    });
    this.waiting.set(contractId, next);
    void next.finally(() => {
      if (this.waiting.get(contractId) === next) this.waiting.delete(contractId);
    });
  }

  private quote(contract: ContractView, data: unknown): void {
    const update = parseQuoteUpdate(data);
    if (!update.ok) return this.parts.warn.warn('GatewayQuote', { contractId: contract.id, reason: update.reason }, 'skipped a quote');
    const merged = mergeQuote(contract.id, this.quotesByContract.get(contract.id), update.value, contract.tickSize, this.parts.clock.now());
    if (!merged.ok) return this.parts.warn.warn('GatewayQuote', { contractId: contract.id, reason: merged.reason }, 'skipped a quote');
    this.quotesByContract.set(contract.id, merged.value.record);
    if (merged.value.view.lastTicks !== null) this.parts.lastPrices.update(contract.id, merged.value.view.lastTicks);
    this.parts.emit({ kind: 'quote', quote: merged.value.view });
  }

  private prints(contract: ContractView, data: unknown): void {
    const batch = tapeTrades(contract.id, data, contract.tickSize, this.parts.clock.now());
    if (batch.skipped.length > 0)
      this.parts.warn.warn('GatewayTrade', { contractId: contract.id, skipped: batch.skipped.length, reason: batch.skipped[0] }, 'skipped prints');
    const last = batch.trades[batch.trades.length - 1];
    if (last === undefined) return;
    this.parts.lastPrices.update(contract.id, last.priceTicks);
    this.parts.emit({ kind: 'tape', contractId: contract.id, trades: batch.trades });
  }

  private depth(contract: ContractView, data: unknown): void {
    const batch = depthChanges(data, contract.tickSize);
    if (batch.skipped.length > 0)
      this.parts.warn.warn('GatewayDepth', { contractId: contract.id, skipped: batch.skipped.length, reason: batch.skipped[0] }, 'skipped depth entries');
    if (!batch.reset && batch.levels.length === 0) return;
    this.parts.emit({ kind: 'depth', contractId: contract.id, reset: batch.reset, levels: batch.levels });
  }
}
