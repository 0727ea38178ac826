import { BarAccumulator } from './bar-accumulator';
import { TradeDateLookup } from '../../../src-shared/exchange';
import type { DepthEntryModel, MarketTradeModel, QuoteModel } from './exchange-api';
import type { MarketTape } from './market-tape';
import { bookAround, depthDiff, depthSnapshot, levelSize, type BookLevel, type BookSnapshot } from './order-book';
import { symbolIdOf, type ProductSpec } from './product-catalogue';
import { aggressor, domType } from './projectx-enums';
import type { TapePrint } from './second-prints';
import type { MarketSessions } from '../../../src-shared/exchange';
import { ticksToPrice } from './tick-math';
import { marketTimestamp } from './timestamps';

/**
 * The live state of one product's market as the feed has played it so far: last trade, best bid
 * and ask, the session's open, high, low and volume, and what the depth subscribers last saw.
 * The best bid and ask follow the last print: a buyer lifted the ask, a seller hit the bid.
 */
export class LiveMarket {
  public readonly symbolId: string;
  /** The next instant (epoch ms) the feed has not played yet. */
  public cursor = 0;
  public last: TapePrint | null = null;
  public bidTicks: number | null = null;
  public askTicks: number | null = null;
  private sessionTradeDate: number | null = null;
  private openTicks = 0;
  private highTicks = 0;
  private lowTicks = 0;
  private volume = 0;
  private previousCloseTicks: number | null = null;
  private pending: TapePrint[] = [];
  private quoteChanged = false;
  private shownBook: BookSnapshot | null = null;
  private readonly tradeDates = new TradeDateLookup();

  public constructor(
    public readonly spec: ProductSpec,
    public readonly tape: MarketTape,
    public readonly calendar: MarketSessions,
  ) {
    this.symbolId = symbolIdOf(spec);
  }

  /** Rebuilds the state from the tape as of `now` (at start, and after skipping ahead). */
  public resync(now: number): void {
    this.last = this.tape.lastPrintAtOrBefore(now);
    this.setSides(this.last);
    this.sessionTradeDate = null;
    this.previousCloseTicks = null;
    if (this.last !== null) {
      const tradeDate = this.tradeDates.of(this.last.ms);
      const start = this.calendar.intervals(tradeDate)[0]?.start ?? this.last.ms;
      const session = new BarAccumulator();
      this.tape.aggregate(session, start, now + 1);
      this.sessionTradeDate = tradeDate;
      this.openTicks = session.open;
      this.highTicks = session.high;
      this.lowTicks = session.low;
      this.volume = session.volume;
      this.previousCloseTicks = start > 0 ? (this.tape.lastPrintAtOrBefore(start - 1)?.priceTicks ?? null) : null;
    }
    this.cursor = now + 1;
    this.pending = [];
    this.quoteChanged = true;
  }

  /** The last price and the touch, in ticks, as order checks read them. */
  public touch(): { readonly lastTicks: number | null; readonly bidTicks: number | null; readonly askTicks: number | null } {
    return { lastTicks: this.last?.priceTicks ?? null, bidTicks: this.bidTicks, askTicks: this.askTicks };
  }

  /** Plays one print. */
  public applyPrint(print: TapePrint): void {
    const tradeDate = this.tradeDates.of(print.ms);
    if (tradeDate !== this.sessionTradeDate) {
      this.previousCloseTicks = this.last?.priceTicks ?? null;
      this.sessionTradeDate = tradeDate;
      this.openTicks = print.priceTicks;
      this.highTicks = print.priceTicks;
      this.lowTicks = print.priceTicks;
      this.volume = 0;
    }
    if (print.priceTicks > this.highTicks) this.highTicks = print.priceTicks;
    if (print.priceTicks < this.lowTicks) this.lowTicks = print.priceTicks;
    this.volume += print.size;
    this.last = print;
    this.setSides(print);
    this.pending.push(print);
    this.quoteChanged = true;
  }

  /** The prints played since the last call, as market-hub trades. */
  public takeTrades(): MarketTradeModel[] {
    const trades = this.pending.map((print) => ({
      symbolId: this.symbolId,
      price: ticksToPrice(this.spec, print.priceTicks),
      timestamp: marketTimestamp(print.ms),
      type: print.aggressor,
      volume: print.size,
    }));
    this.pending = [];
    return trades;
  }

  /** Forgets the prints not yet published (they were played while nobody was to hear them). */
  public dropPending(): void {
    this.pending = [];
    this.quoteChanged = false;
  }

  /** The full quote; null before anything traded. */
  public quote(lastUpdated: string): QuoteModel | null {
    if (this.last === null || this.bidTicks === null || this.askTicks === null) return null;
    const price = (ticks: number): number => ticksToPrice(this.spec, ticks);
    const change = this.previousCloseTicks === null ? 0 : this.last.priceTicks - this.previousCloseTicks;
    const changePercent =
      this.previousCloseTicks === null || this.previousCloseTicks === 0 ? 0 : Math.round((change / this.previousCloseTicks) * 10_000) / 10_000;
    return {
      symbol: this.symbolId,
      symbolName: `/${this.spec.symbol}`,
      lastPrice: price(this.last.priceTicks),
      bestBid: price(this.bidTicks),
      bestAsk: price(this.askTicks),
      change: price(change),
      changePercent,
      open: price(this.openTicks),
      high: price(this.highTicks),
      low: price(this.lowTicks),
      volume: this.volume,
      lastUpdated,
      timestamp: marketTimestamp(this.last.ms),
    };
  }

  /** Takes the quote-changed flag: true when a quote should be published. */
  public takeQuoteChange(): boolean {
    const changed = this.quoteChanged;
    this.quoteChanged = false;
    return changed;
  }

  /** The book at an instant, or null before anything traded. */
  public book(ms: number): BookSnapshot | null {
    if (this.bidTicks === null || this.askTicks === null) return null;
    return bookAround(this.tape.path.parameters.productKey, this.spec.touchSize, this.bidTicks, this.askTicks, ms);
  }

  /** A level of one side at any distance from the touch (for sweeps past the visible ten). */
  public levelAt(side: 'bid' | 'ask', distance: number, ms: number): BookLevel {
    const touch = side === 'bid' ? (this.bidTicks ?? 0) : (this.askTicks ?? 0);
    const priceTicks = side === 'bid' ? touch - distance : touch + distance;
    return { priceTicks, size: levelSize(this.tape.path.parameters.productKey, this.spec.touchSize, priceTicks, distance, ms) };
  }

  /**
   * The depth entries that bring subscribers up to date: a `Reset` and the whole book the first
   * time (or when `full`), then only what changed.
   */
  public depthUpdate(ms: number, timestamp: string, full = false): DepthEntryModel[] {
    const book = this.book(ms);
    if (book === null) return [];
    const toPrice = (ticks: number): number => ticksToPrice(this.spec, ticks);
    const entries =
      this.shownBook === null || full
        ? depthSnapshot(book, this.sessionTradeDate === null ? null : { lowTicks: this.lowTicks, highTicks: this.highTicks }, toPrice, timestamp)
        : depthDiff(this.shownBook, book, toPrice, timestamp);
    this.shownBook = book;
    return entries;
  }

  /** A current snapshot for a new subscriber, without changing what the feed diffs against. */
  public depthSnapshotNow(ms: number, timestamp: string): DepthEntryModel[] {
    const book = this.shownBook ?? this.book(ms);
    if (book === null) return [];
    const extremes = this.sessionTradeDate === null ? null : { lowTicks: this.lowTicks, highTicks: this.highTicks };
    return depthSnapshot(book, extremes, (ticks) => ticksToPrice(this.spec, ticks), timestamp);
  }

  /** Nudges one shown level (benchmark bursts): returns the entry, or null before the book exists. */
  public jitterShownLevel(index: number, timestamp: string): DepthEntryModel | null {
    const book = this.shownBook;
    if (book === null) return null;
    const onBidSide = index % 2 === 0;
    const levels = onBidSide ? book.bids : book.asks;
    const position = Math.floor(index / 2) % levels.length;
    const level = levels[position];
    if (level === undefined) return null;
    const size = Math.max(1, level.size + ((index % 7) - 3));
    const changed = levels.map((item, at) => (at === position ? { priceTicks: item.priceTicks, size } : item));
    this.shownBook = onBidSide ? { bids: changed, asks: book.asks } : { bids: book.bids, asks: changed };
    const type = position === 0 ? (onBidSide ? domType.bestBid : domType.bestAsk) : onBidSide ? domType.bid : domType.ask;
    return { timestamp, type, price: ticksToPrice(this.spec, level.priceTicks), volume: size, currentVolume: size };
  }

  private setSides(print: TapePrint | null): void {
    if (print === null) {
      this.bidTicks = null;
      this.askTicks = null;
      return;
    }
    if (print.aggressor === aggressor.buy) {
      this.askTicks = print.priceTicks;
      this.bidTicks = print.priceTicks - 1;
    } else {
      this.bidTicks = print.priceTicks;
      this.askTicks = print.priceTicks + 1;
    }
  }
}
