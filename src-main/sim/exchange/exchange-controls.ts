import { accountModelOf } from './account-ledger';
import type { AccountModel, DepthEntryModel, ExchangeAnswer, ExchangeState, FeedSettings, QuoteModel } from './exchange-api';
import type { ExchangeTimekeeper } from './exchange-clock';
import type { ExchangeContext } from './exchange-context';
import type { LiveMarket } from './live-market';
import type { MarketFeed } from './market-feed';
import { orderModelOf } from './order-store';
import { domType } from './projectx-enums';
import { positionModelOf } from './position-ledger';
import { planPriceMove } from './price-mover';
import { planQuoteStorm } from './quote-storm';
import { hashInts } from './random';
import { parseBody, upsertAccountSchema } from './request-schemas';
import { nearestTicks, ticksToPrice } from './tick-math';
import { marketTimestamp } from './timestamps';

/** Error codes of the control API (ours, not ProjectX's). */
export const controlCode = { success: 0, notFound: 1, invalid: 2, superseded: 3 } as const;

interface PendingMove {
  readonly market: LiveMarket;
  readonly lastMs: number;
  readonly resolve: (answer: ExchangeAnswer<null>) => void;
  readonly cancelWake: () => void;
}

const shownTrades = 500;
/** Most storm trades a second over all markets, and per market (prints are whole milliseconds apart). */
const maxStormRate = 20_000;
const maxStormRatePerMarket = 1000;

/**
 * The simulator's control surface: price moves, feed pause and speed, accounts, state, snapshots
 * for new subscribers and benchmark bursts.
 */
export class ExchangeControls {
  private readonly moves = new Map<string, PendingMove>();
  private moveCount = 0;

  public constructor(
    private readonly context: ExchangeContext,
    private readonly feed: MarketFeed,
    private readonly timekeeper: ExchangeTimekeeper,
    private readonly markets: ReadonlyMap<string, LiveMarket>,
    private readonly sync: () => void,
  ) {}

  /**
   * Walks a market to `price` through a short path of prints (resting orders fill on the way) and
   * resolves once the last print, exactly at the price, has played. An off-grid price is rounded
   * to the nearest tick. Refused while the market is closed.
   */
  public movePrice(target: { readonly contractId?: string; readonly symbol?: string; readonly price: number }): Promise<ExchangeAnswer<null>> {
    const market = this.marketOf(target.contractId ?? target.symbol ?? '');
    if (market === undefined) return Promise.resolve({ errorCode: controlCode.notFound, errorMessage: 'Contract not found.' });
    const now = this.context.now();
    const targetTicks = Number.isFinite(target.price) ? nearestTicks(market.spec, target.price) : 0;
    if (targetTicks <= 0) return Promise.resolve({ errorCode: controlCode.invalid, errorMessage: `Invalid price (${target.price}).` });
    if (!market.calendar.isOpen(now)) return Promise.resolve({ errorCode: controlCode.invalid, errorMessage: 'The market is closed.' });
    this.supersede(market, 'Superseded by another price move.');
    this.moveCount += 1;
    const prints = planPriceMove(
      market.last?.priceTicks ?? targetTicks,
      targetTicks,
      now,
      hashInts(market.tape.path.parameters.productKey, now, this.moveCount),
    );
    market.tape.scriptAfter(now, prints, this.feed.paused);
    const lastMs = prints[prints.length - 1]?.ms ?? now;
    return new Promise((resolve) => {
      const cancelWake = this.timekeeper.schedule(lastMs - now + 1, () => this.sync());
      this.moves.set(market.spec.symbol, { market, lastMs, resolve, cancelWake });
    });
  }

  /** Resolves the moves whose last print has played. */
  public settleMoves(): void {
    for (const [symbol, move] of this.moves) {
      if (move.market.cursor <= move.lastMs) continue;
      this.moves.delete(symbol);
      move.cancelWake();
      move.resolve({ errorCode: controlCode.success, errorMessage: null, value: null });
    }
  }

  /** Gives up every pending move (the exchange stops). */
  public abandonMoves(): void {
    for (const move of this.moves.values()) this.supersede(move.market, 'The exchange stopped.');
  }

  /** Pauses or resumes the feed (a paused market stands still), sets the clock speed, starts or ends a quote storm. */
  public setFeed(settings: FeedSettings): ExchangeAnswer<null> {
    const storm = settings.quotesPerSecond === undefined ? undefined : this.stormMarkets(settings);
    if (storm !== undefined && !Array.isArray(storm)) return storm;
    if (settings.speed !== undefined) {
      if (!(settings.speed > 0 && settings.speed <= 100_000)) return { errorCode: controlCode.invalid, errorMessage: `Invalid speed (${settings.speed}).` };
      this.timekeeper.setSpeed(settings.speed);
    }
    const now = this.context.now();
    if (settings.paused === true && !this.feed.paused) {
      for (const market of this.markets.values()) {
        this.supersede(market, 'The feed was paused before the move finished.');
        market.tape.freezeAfter(now);
      }
      this.feed.paused = true;
    } else if (settings.paused === false && this.feed.paused) {
      for (const market of this.markets.values()) market.tape.resumeAfter(now, market.last?.priceTicks ?? null);
      this.feed.paused = false;
    }
    if (Array.isArray(storm)) this.startStorm(storm, settings.quotesPerSecond ?? 0, (settings.seconds ?? 10) * 1000);
    return { errorCode: controlCode.success, errorMessage: null, value: null };
  }

  /** The markets a storm runs on, or why it cannot start. */
  private stormMarkets(settings: FeedSettings): LiveMarket[] | ExchangeAnswer<null> {
    const rate = settings.quotesPerSecond ?? 0;
    const refuse = (message: string, field: string): ExchangeAnswer<null> => ({ errorCode: controlCode.invalid, errorMessage: message, invalidField: field });
    if (!(rate >= 0 && rate <= maxStormRate)) return refuse(`Invalid quotesPerSecond (${rate}); at most ${maxStormRate}.`, 'quotesPerSecond');
    if (settings.seconds !== undefined && !(settings.seconds > 0 && settings.seconds <= 600))
      return refuse(`Invalid seconds (${settings.seconds}); 0 to 600.`, 'seconds');
    if (rate === 0) return [];
    const now = this.context.now();
    const markets: LiveMarket[] = [];
    for (const key of settings.symbols ?? []) {
      const market = this.marketOf(key);
      if (market === undefined) return refuse(`Contract not found (${key}).`, 'symbols');
      if (!markets.includes(market)) markets.push(market);
    }
    if (settings.symbols === undefined)
      for (const market of this.markets.values()) if (market.calendar.isOpen(now) && market.last !== null) markets.push(market);
    if (markets.length === 0) return refuse('No market is open for a quote storm.', 'symbols');
    const closed = markets.find((market) => !market.calendar.isOpen(now) || market.last === null);
    if (closed !== undefined) return refuse(`The ${closed.spec.symbol} market is closed.`, 'symbols');
    if (this.feed.paused && settings.paused !== false) return refuse('The feed is paused.', 'paused');
    if (rate / markets.length > maxStormRatePerMarket) return refuse(`At most ${maxStormRatePerMarket} quotes a second per market.`, 'quotesPerSecond');
    return markets;
  }

  /** Scripts the storm's prints on each market's tape and publishes them print by print. */
  private startStorm(markets: readonly LiveMarket[], rate: number, durationMs: number): void {
    const now = this.context.now();
    // A storm cut short leaves the rest of its script: the market follows its path again from here.
    for (const market of this.feed.stopStorms(now))
      if (!markets.includes(market) && !this.feed.paused) market.tape.resumeAfter(now, market.last?.priceTicks ?? null);
    if (markets.length === 0) return;
    for (const market of markets) {
      this.supersede(market, 'Superseded by a quote storm.');
      this.moveCount += 1;
      const seed = hashInts(market.tape.path.parameters.productKey, now, this.moveCount);
      market.tape.scriptAfter(now, planQuoteStorm(market.last?.priceTicks ?? 1, now, rate / markets.length, durationMs, seed), false);
    }
    this.feed.startStorm(markets, now + durationMs);
  }

  /** Creates or updates an account and announces it. */
  public upsertAccount(body: unknown): ExchangeAnswer<AccountModel> {
    const parsed = parseBody(upsertAccountSchema, body);
    if (!parsed.ok) return { errorCode: controlCode.invalid, errorMessage: parsed.invalid.message, invalidField: parsed.invalid.field };
    const { id, canTrade, isVisible, simulated, bracketMode, live, follower, ...required } = parsed.value;
    const record = this.context.accounts.upsert({
      ...required,
      ...(id === null || id === undefined ? {} : { id }),
      ...(canTrade === null || canTrade === undefined ? {} : { canTrade }),
      ...(isVisible === null || isVisible === undefined ? {} : { isVisible }),
      ...(simulated === null || simulated === undefined ? {} : { simulated }),
      ...(bracketMode === null || bracketMode === undefined ? {} : { bracketMode }),
      ...(live === null || live === undefined ? {} : { live }),
      ...(follower === null || follower === undefined ? {} : { follower }),
    });
    const account = accountModelOf(record);
    this.context.emit({ kind: 'account', account });
    return { errorCode: controlCode.success, errorMessage: null, value: account };
  }

  /** Everything `GET /sim/state` shows. */
  public state(): ExchangeState {
    const now = this.context.now();
    const prices: Record<string, number> = {};
    for (const market of this.markets.values()) {
      if (market.last !== null) prices[this.context.directory.front(market.spec).id] = ticksToPrice(market.spec, market.last.priceTicks);
    }
    return {
      clock: new Date(now).toISOString(),
      sessionOpen: [...this.markets.values()].some((market) => market.calendar.isOpen(now)),
      feed: { paused: this.feed.paused, speed: this.timekeeper.speed },
      accounts: this.context.accounts.all().map(accountModelOf),
      positions: this.context.positions.list().map((record) => positionModelOf(record)),
      workingOrders: this.context.orders.live().map(orderModelOf),
      trades: this.context.trades
        .slice(-shownTrades)
        .map((entry) => entry.trade)
        .reverse(),
      prices,
    };
  }

  /** The full current quote of a contract, for a new quote subscriber; undefined before anything traded. */
  public quoteSnapshot(contractId: string): QuoteModel | undefined {
    const market = this.marketOf(contractId);
    return market?.quote(this.context.stamper.stamp(this.context.now())) ?? undefined;
  }

  /** The whole current book of a contract as depth entries without the `Reset`, for a new depth subscriber. */
  public depthSnapshot(contractId: string): DepthEntryModel[] {
    const market = this.marketOf(contractId);
    if (market === undefined) return [];
    const now = this.context.now();
    return market.depthSnapshotNow(now, marketTimestamp(now)).filter((entry) => entry.type !== domType.reset);
  }

  /** Emits `count` quote and depth events around the current book at once (a benchmark's load). */
  public burst(contractId: string, count: number): number {
    const market = this.marketOf(contractId);
    if (market === undefined || market.last === null || !(count > 0)) return 0;
    const now = this.context.now();
    const id = this.context.directory.front(market.spec).id;
    const timestamp = marketTimestamp(now);
    let emitted = 0;
    if (market.jitterShownLevel(0, timestamp) === null) {
      this.context.emit({ kind: 'depth', contractId: id, entries: market.depthUpdate(now, timestamp) });
      emitted += 1;
    }
    const quote = market.quote(this.context.stamper.stamp(now));
    for (let index = 0; emitted < count; index += 1, emitted += 1) {
      if (index % 2 === 0 && quote !== null) {
        this.context.emit({ kind: 'quote', contractId: id, quote });
        continue;
      }
      const entry = market.jitterShownLevel(index, timestamp);
      if (entry !== null) this.context.emit({ kind: 'depth', contractId: id, entries: [entry] });
    }
    return emitted;
  }

  private marketOf(key: string): LiveMarket | undefined {
    const spec = this.context.directory.productOf(key);
    return spec === undefined ? undefined : this.markets.get(spec.symbol);
  }

  private supersede(market: LiveMarket, reason: string): void {
    const move = this.moves.get(market.spec.symbol);
    if (move === undefined) return;
    this.moves.delete(market.spec.symbol);
    move.cancelWake();
    move.resolve({ errorCode: controlCode.superseded, errorMessage: reason });
  }
}
