import type { DepthEntryModel, ExchangeEvent, QuoteModel, SimExchange } from '../exchange/exchange-api';
import { DepthBook } from './depth-book';
import type { Faults } from './faults';
import { bindArguments, subscriptionMethods, unknownMethodError, withoutNulls } from './hub-binding';
import type { HubConnection, HubHandlers, HubMethodResult } from './hub-connection';
import { invocationRecord } from './signalr-framing';
import { SubscriptionIndex } from './subscription-index';

type Topic = 'quotes' | 'trades' | 'depth';

const methods = subscriptionMethods<Topic>([
  ['ContractQuotes', 'quotes'],
  ['ContractTrades', 'trades'],
  ['ContractMarketDepth', 'depth'],
]);

// A quote delta always names its symbol and times, as the live service's deltas do.
const alwaysInDelta = new Set(['symbol', 'lastUpdated', 'timestamp']);
const resetType = 6;

/**
 * The market hub (`/hubs/market`). Events go out as `(contractId, data)`; each is serialised once
 * and queued on every subscriber, whose connection coalesces a turn's records into one frame.
 * A quote subscriber first gets a full snapshot, then deltas; a depth subscriber first gets a
 * `Reset` entry, then the book.
 */
export class MarketHub implements HubHandlers {
  private readonly index = new SubscriptionIndex();
  private readonly quotes = new Map<string, QuoteModel>();
  private readonly books = new Map<string, DepthBook>();

  public constructor(
    private readonly exchange: SimExchange,
    private readonly faults: Faults,
  ) {}

  /** Runs a hub method; names are case-insensitive, as in ASP.NET. */
  public invoke(connection: HubConnection, target: string, args: readonly unknown[]): HubMethodResult {
    const method = methods.get(target.toLowerCase());
    if (method === undefined) return { ok: false, error: unknownMethodError(target) };
    const binding = bindArguments(target, args, ['string']);
    if (!binding.ok) return binding;
    const contractId = String(binding.values[0]);
    const key = `${method.topic}:${contractId}`;
    if (!method.subscribe) {
      this.index.remove(connection, key);
      return { ok: true, result: 0 };
    }
    const known = this.exchange.searchContractById({ contractId });
    if (known.errorCode !== 0)
      return { ok: false, error: `Failed to invoke '${target}' due to an error on the server. HubException: Contract '${contractId}' not found.` };
    // The snapshot is taken before the connection joins: events the exchange emits while it
    // catches up then reach the cache, not this connection, so the snapshot stays the first record.
    const snapshot = this.snapshotRecords(method.topic, contractId);
    this.index.add(connection, key);
    const then = (): void => {
      for (const record of snapshot) connection.send(record);
    };
    return { ok: true, result: 0, then };
  }

  /** Forgets a closed connection's subscriptions. */
  public closed(connection: HubConnection): void {
    this.index.removeAll(connection);
  }

  /** Sends a market event to its subscribers; user events are ignored. The caches follow even while frozen. */
  public route(event: ExchangeEvent): void {
    switch (event.kind) {
      case 'quote':
        return this.routeQuote(event.contractId, event.quote);
      case 'market-trades': {
        const key = `trades:${event.contractId}`;
        if (!this.faults.feedFrozen() && this.index.has(key)) this.index.broadcast(key, invocationRecord('GatewayTrade', [event.contractId, event.trades]));
        return;
      }
      case 'depth': {
        this.book(event.contractId).apply(event.entries);
        const key = `depth:${event.contractId}`;
        if (!this.faults.feedFrozen() && this.index.has(key)) this.index.broadcast(key, invocationRecord('GatewayDepth', [event.contractId, event.entries]));
        return;
      }
      default:
        return;
    }
  }

  private routeQuote(contractId: string, quote: QuoteModel): void {
    const previous = this.quotes.get(contractId);
    this.quotes.set(contractId, quote);
    const key = `quotes:${contractId}`;
    if (this.faults.feedFrozen() || !this.index.has(key)) return;
    const data = previous === undefined ? withoutNulls(quote) : quoteDelta(previous, quote, this.faults.partialPayloads());
    this.index.broadcast(key, invocationRecord('GatewayQuote', [contractId, data]));
  }

  private snapshotRecords(topic: Topic, contractId: string): string[] {
    if (this.faults.feedFrozen()) return [];
    if (topic === 'quotes') {
      // Under partial payloads a new subscriber gets no snapshot: only the changes that follow.
      if (this.faults.partialPayloads()) return [];
      const quote = this.exchange.quoteSnapshot?.(contractId) ?? this.quotes.get(contractId);
      return quote === undefined ? [] : [invocationRecord('GatewayQuote', [contractId, withoutNulls(quote)])];
    }
    if (topic === 'depth') {
      const book = this.exchange.depthSnapshot?.(contractId) ?? this.books.get(contractId)?.snapshot() ?? [];
      const reset: DepthEntryModel = { timestamp: new Date(this.exchange.now()).toISOString(), type: resetType, price: 0, volume: 0, currentVolume: 0 };
      const records = [invocationRecord('GatewayDepth', [contractId, [reset]])];
      if (book.length > 0) records.push(invocationRecord('GatewayDepth', [contractId, book]));
      return records;
    }
    return [];
  }

  private book(contractId: string): DepthBook {
    let book = this.books.get(contractId);
    if (book === undefined) {
      book = new DepthBook();
      this.books.set(contractId, book);
    }
    return book;
  }
}

/** The fields that changed, plus symbol and times unless `partial` asks for the changes alone. */
function quoteDelta(previous: QuoteModel, quote: QuoteModel, partial: boolean): Partial<QuoteModel> {
  const before = previous as unknown as Record<string, unknown>;
  const delta: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(quote)) {
    if (value === null || value === undefined) continue;
    if (before[field] !== value || (!partial && alwaysInDelta.has(field))) delta[field] = value;
  }
  return delta as Partial<QuoteModel>;
}
