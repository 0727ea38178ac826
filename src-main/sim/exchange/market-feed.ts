import type { ExchangeEvent } from './exchange-api';
import type { LiveMarket } from './live-market';
import type { TapePrint } from './second-prints';
import { marketTimestamp } from './timestamps';

/** What the feed drives. */
export interface FeedTarget {
  readonly markets: readonly LiveMarket[];
  contractIdOf(market: LiveMarket): string;
  emit(event: ExchangeEvent): void;
  /** A user-event timestamp (seven digits) for quotes' `lastUpdated`. */
  stamp(ms: number): string;
  /** Matches one print against the product's orders. */
  onPrint(market: LiveMarket, print: TapePrint): void;
  /** Whether a product has orders a print could fill. */
  hasWorkingOrders(market: LiveMarket): boolean;
}

const hourMs = 3_600_000;
// After a long gap (a suspended laptop, a test jumping hours) only this last stretch is published.
const publishedTailMs = 2000;

/**
 * Plays the tapes of all products up to the clock, in time order across products, matching each
 * print against working orders and publishing trades, quotes and depth per product. After a gap
 * longer than `fastForwardMs` it skips ahead: products without working orders jump straight to the
 * present, the others replay silently (fills are still announced), and only the tail is published.
 */
export class MarketFeed {
  /** While paused the feed publishes no depth refreshes (the tapes are frozen as well). */
  public paused = false;
  private publishing = true;
  /** Markets in a quote storm, with the instant (exchange ms) their storm ends. */
  private readonly storms = new Map<LiveMarket, number>();

  public constructor(private readonly target: FeedTarget) {}

  /**
   * Publishes a quote after every print of these markets until `until` (exchange ms), instead of one
   * per feed tick: a quote storm's load reaches subscribers print by print.
   */
  public startStorm(markets: readonly LiveMarket[], until: number): void {
    for (const market of markets) this.storms.set(market, until);
  }

  /** Ends every storm; returns the markets whose storm had not ended yet. */
  public stopStorms(now: number): LiveMarket[] {
    const running = [...this.storms].filter(([, until]) => until >= now).map(([market]) => market);
    this.storms.clear();
    return running;
  }

  /** Whether a storm still runs at `now` (the exchange then ticks the feed often). */
  public stormActive(now: number): boolean {
    for (const [market, until] of this.storms) {
      if (until >= now) return true;
      this.storms.delete(market);
    }
    return false;
  }

  /** Plays every market up to and including `now`. */
  public advanceTo(now: number, fastForwardMs: number): void {
    const markets = this.target.markets;
    const oldest = Math.min(...markets.map((market) => market.cursor));
    if (now + 1 - oldest > fastForwardMs) this.skipAhead(now - publishedTailMs);
    const prints: { readonly market: LiveMarket; readonly print: TapePrint }[] = [];
    for (const market of markets) {
      if (market.cursor > now) continue;
      for (const print of market.tape.prints(market.cursor, now + 1)) prints.push({ market, print });
      market.cursor = now + 1;
    }
    prints.sort((left, right) => left.print.ms - right.print.ms);
    for (const { market, print } of prints) {
      market.applyPrint(print);
      this.target.onPrint(market, print);
      const stormUntil = this.storms.get(market);
      if (stormUntil !== undefined && print.ms <= stormUntil) this.publishQuote(market, print.ms);
    }
    for (const market of markets) this.publish(market, now);
  }

  /** Publishes a storm market's trades and quote as of one print. */
  private publishQuote(market: LiveMarket, ms: number): void {
    if (!this.publishing) return;
    const contractId = this.target.contractIdOf(market);
    const trades = market.takeTrades();
    if (trades.length > 0) this.target.emit({ kind: 'market-trades', contractId, trades });
    if (!market.takeQuoteChange()) return;
    const quote = market.quote(this.target.stamp(ms));
    if (quote !== null) this.target.emit({ kind: 'quote', contractId, quote });
  }

  /** Publishes what a market played since its last publication: trades, then the quote, then depth changes. */
  public publish(market: LiveMarket, now: number): void {
    if (!this.publishing) {
      market.dropPending();
      return;
    }
    const contractId = this.target.contractIdOf(market);
    const trades = market.takeTrades();
    if (trades.length > 0) this.target.emit({ kind: 'market-trades', contractId, trades });
    const open = market.calendar.isOpen(now);
    // A closed market sends no quotes, except the one that carries its last trades.
    if (market.takeQuoteChange() && (open || trades.length > 0)) {
      const quote = market.quote(this.target.stamp(now));
      if (quote !== null) this.target.emit({ kind: 'quote', contractId, quote });
    }
    if (!this.paused && open) {
      const entries = market.depthUpdate(now, marketTimestamp(now));
      if (entries.length > 0) this.target.emit({ kind: 'depth', contractId, entries });
    }
  }

  private skipAhead(until: number): void {
    for (const market of this.target.markets) {
      if (market.cursor > until) continue;
      if (this.target.hasWorkingOrders(market)) {
        this.publishing = false;
        try {
          for (let from = market.cursor; from <= until; from += hourMs) {
            const to = Math.min(from + hourMs, until + 1);
            for (const print of market.tape.prints(from, to)) {
              market.applyPrint(print);
              this.target.onPrint(market, print);
            }
          }
        } finally {
          this.publishing = true;
        }
      }
      market.resync(until);
    }
  }
}
