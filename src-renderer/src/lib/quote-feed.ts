import type { ContractId } from '../../../src-shared/domain/ids';
import type { QuoteView } from '../../../src-shared/domain/trading';
import type { TerminalApi } from '../../../src-shared/terminal-api';

type TickListener = (quote: QuoteView) => void;

/**
 * The tape as the page sees it: the latest quote per contract, straight from `quotes.tick`.
 * Charts listen to every tick; React views are told at most once per animation frame, so a burst
 * of quotes costs one render. Not react-query: ticks never go through a cache.
 */
export class QuoteFeed {
  private readonly quotes = new Map<ContractId, QuoteView>();
  private readonly tickListeners = new Map<ContractId, Set<TickListener>>();
  private readonly viewListeners = new Map<ContractId, Set<() => void>>();
  private readonly dirty = new Set<ContractId>();
  private readonly watched = new Map<string, Promise<void>>();
  private frame: number | undefined;
  private received = 0;
  private windowStart = performance.now();
  private ratePerSecond = 0;
  private readonly stop: () => void;

  public constructor(private readonly api: TerminalApi) {
    this.stop = api.on('quotes.tick', (quote) => this.accept(quote));
  }

  /** The latest quote of a contract, if any arrived. */
  public latest(contractId: ContractId): QuoteView | undefined {
    return this.quotes.get(contractId);
  }

  /** Quotes received per second over the last full second (for diagnostics). */
  public rate(): number {
    return this.ratePerSecond;
  }

  /** Calls the listener on every tick of a contract; returns the function that stops it. */
  public onTick(contractId: ContractId, listener: TickListener): () => void {
    return addListener(this.tickListeners, contractId, listener);
  }

  /** Tells a view once per frame that a contract's quote changed (for useSyncExternalStore). */
  public subscribeView(contractId: ContractId, listener: () => void): () => void {
    return addListener(this.viewListeners, contractId, listener);
  }

  /**
   * Asks the terminal to stream a symbol (once per symbol per page) and seeds its latest quote.
   * The main process starts its market subscription on `market.quote`.
   */
  public watch(symbol: string): Promise<void> {
    const existing = this.watched.get(symbol);
    if (existing !== undefined) return existing;
    const started = this.api.invoke('market.quote', { symbol }).then((result) => {
      if (!result.ok) {
        this.watched.delete(symbol);
        return;
      }
      const { quote } = result.value;
      if (quote !== null && !this.quotes.has(quote.contractId)) this.accept(quote);
    });
    this.watched.set(symbol, started);
    return started;
  }

  /** Forgets which symbols were watched, so the next watch asks again (after the link came back). */
  public rewatch(): void {
    const symbols = [...this.watched.keys()];
    this.watched.clear();
    for (const symbol of symbols) void this.watch(symbol);
  }

  /** Stops listening to the terminal. */
  public dispose(): void {
    this.stop();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
  }

  private accept(quote: QuoteView): void {
    const previous = this.quotes.get(quote.contractId);
    if (previous !== undefined && quote.time < previous.time) return;
    this.quotes.set(quote.contractId, quote);
    this.count();
    const listeners = this.tickListeners.get(quote.contractId);
    if (listeners !== undefined) for (const listener of listeners) listener(quote);
    this.dirty.add(quote.contractId);
    this.frame ??= requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = undefined;
    const changed = [...this.dirty];
    this.dirty.clear();
    for (const contractId of changed) {
      const listeners = this.viewListeners.get(contractId);
      if (listeners !== undefined) for (const listener of listeners) listener();
    }
  }

  private count(): void {
    this.received++;
    const now = performance.now();
    if (now - this.windowStart >= 1000) {
      this.ratePerSecond = Math.round((this.received * 1000) / (now - this.windowStart));
      this.received = 0;
      this.windowStart = now;
    }
  }
}

function addListener<Listener>(registry: Map<ContractId, Set<Listener>>, contractId: ContractId, listener: Listener): () => void {
  let listeners = registry.get(contractId);
  if (listeners === undefined) {
    listeners = new Set();
    registry.set(contractId, listeners);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) registry.delete(contractId);
  };
}
