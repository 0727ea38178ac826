import { silentLogger, type Logger } from '../../core/logger';
import { SimAccountLedger, type AccountSettings } from './account-ledger';
import { retrieveBars } from './bar-series';
import { ContractDirectory } from './contract-directory';
import { availableContracts, searchContractById, searchContracts } from './contract-endpoints';
import { pathParametersOf } from './day-plan';
import { defaultAccounts } from './default-accounts';
import type { ExchangeEvent, FeedSettings, SimExchange } from './exchange-api';
import { createWallTimekeeper, type ExchangeTimekeeper } from './exchange-clock';
import type { ExchangeContext } from './exchange-context';
import { ExchangeControls } from './exchange-controls';
import { createFeeSchedule, type FeeTable } from './fee-schedule';
import { IdSequences } from './id-sequences';
import { LiveMarket } from './live-market';
import { MarketFeed } from './market-feed';
import { MarketTape } from './market-tape';
import { matchPrint } from './matching-engine';
import { cancelOrder, modifyOrder } from './order-amendment';
import { placeOrder, rejectOrder } from './order-entry';
import { queryOrders, searchAccounts, searchOpenOrders, searchOpenPositions, searchOrderById, searchOrders, searchTrades } from './order-queries';
import { OrderStore } from './order-store';
import { PathTape } from './path-tape';
import { closeContract, partialCloseContract } from './position-closing';
import { PositionLedger } from './position-ledger';
import { productCatalogue, type ProductSpec } from './product-catalogue';
import { MarketSessions } from '../../../src-shared/exchange';
import { Stamper } from './timestamps';

/** How to build a simulated exchange; every option has a default, so `createSimExchange({})` works. */
export interface SimExchangeOptions {
  /** Where a listener's error is logged (the gateway passes its logger). */
  readonly logger?: Logger;
  /** Seed of the market: the same seed gives the same prices, volumes and prints. Default 1. */
  readonly seed?: number;
  /** Where the exchange clock starts (epoch ms or ISO text, the sim's `--clock`); default now. */
  readonly clockStart?: number | string;
  /** Exchange seconds per wall second (the feed and clock speed); default 1. */
  readonly speed?: number;
  /** A ready clock and scheduler (tests pass a `TestTimekeeper`); replaces `clockStart` and `speed`. */
  readonly timekeeper?: ExchangeTimekeeper;
  /** Accounts, with bracket mode and live/follower restrictions; default: 50K and 150K combines and a practice account. */
  readonly accounts?: readonly AccountSettings[];
  /** Fee overrides, dollars per side per contract by CME symbol (`{ ES: 1.4 }`). */
  readonly fees?: FeeTable;
  /** Commission reported apart from fees, dollars per side per contract by symbol; default none. */
  readonly commissions?: FeeTable;
  /** CME symbols to list; default all fourteen products. */
  readonly products?: readonly string[];
  /** How many days of history exist before the clock start; default 365. */
  readonly historyDays?: number;
  /** Wall milliseconds between feed ticks; default 250. */
  readonly feedIntervalMs?: number;
}

const dayMs = 86_400_000;

function startOf(value: number | string | undefined): number {
  if (value === undefined) return Date.now();
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a clock start: ${String(value)}`);
  return ms;
}

function createMarkets(products: readonly ProductSpec[], seed: number, startMs: number, historyDays: number): Map<string, LiveMarket> {
  const historyStartSec = Math.floor((startMs - historyDays * dayMs) / 1000);
  const calendars = new Map<string, MarketSessions>();
  const markets = new Map<string, LiveMarket>();
  for (const spec of products) {
    const calendar = calendars.get(spec.sessionGroup) ?? new MarketSessions(spec.sessionGroup);
    calendars.set(spec.sessionGroup, calendar);
    const market = new LiveMarket(spec, new MarketTape(new PathTape(pathParametersOf(spec, seed, calendar), historyStartSec)), calendar);
    market.resync(startMs);
    markets.set(spec.symbol, market);
  }
  return markets;
}

/**
 * Creates the simulated exchange behind the ProjectX gateway (the seam is exchange-api.ts). Prices
 * come from a seeded, deterministic tape per product, which both the live feed and history read,
 * so past bars equal what the feed showed. Every endpoint first plays the tape up to the clock.
 */
export function createSimExchange(options: SimExchangeOptions = {}): SimExchange {
  const seed = options.seed ?? 1;
  const timekeeper = options.timekeeper ?? createWallTimekeeper(startOf(options.clockStart), options.speed ?? 1);
  const now = (): number => timekeeper.now();
  const symbols = options.products?.map((symbol) => symbol.toUpperCase());
  const products = productCatalogue.filter((spec) => symbols === undefined || symbols.includes(spec.symbol));
  const markets = createMarkets(products, seed, now(), options.historyDays ?? 365);
  const marketOf = (spec: ProductSpec): LiveMarket => {
    const market = markets.get(spec.symbol);
    if (market === undefined) throw new Error(`${spec.symbol} is not listed`);
    return market;
  };

  const listeners = new Set<(event: ExchangeEvent) => void>();
  const emit = (event: ExchangeEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A listener's bug must not break the exchange, starve the other listeners or end the
        // process (the built-in simulator runs inside the terminal's).
        (options.logger ?? silentLogger).error(
          { kind: event.kind, error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
          'an exchange listener threw',
        );
      }
    }
  };

  const ids = new IdSequences(seed);
  const directory = new ContractDirectory(products, now);
  const stamper = new Stamper();
  const context: ExchangeContext = {
    now,
    stamper,
    accounts: new SimAccountLedger(options.accounts ?? defaultAccounts),
    positions: new PositionLedger(() => ids.nextPositionId()),
    orders: new OrderStore(),
    trades: [],
    fees: createFeeSchedule(options.fees, options.commissions),
    ids,
    directory,
    marketOf,
    emit,
    publishMarket: (market) => feed.publish(market, now()),
  };
  const feed = new MarketFeed({
    markets: [...markets.values()],
    contractIdOf: (market) => directory.front(market.spec).id,
    emit,
    stamp: (ms) => stamper.stamp(ms),
    onPrint: (market, print) => matchPrint(context, market, print),
    hasWorkingOrders: (market) => context.orders.hasWorking(market.spec),
  });
  const feedIntervalMs = options.feedIntervalMs ?? 250;
  // Everything the endpoints answer reflects the market as of the clock.
  const sync = (): void => {
    feed.advanceTo(now(), Math.max(30_000, 4 * feedIntervalMs * timekeeper.speed));
    controls.settleMoves();
  };
  const controls = new ExchangeControls(context, feed, timekeeper, markets, sync);
  const synced =
    <A extends unknown[], R>(handler: (...args: A) => R) =>
    (...args: A): R => {
      sync();
      return handler(...args);
    };
  let cancelTick: (() => void) | null = null;
  // A quote storm plays its prints every few milliseconds instead of every feed interval.
  const stormIntervalMs = Math.min(4, feedIntervalMs);
  const tick = (): void => {
    sync();
    cancelTick = timekeeper.schedule((feed.stormActive(now()) ? stormIntervalMs : feedIntervalMs) * timekeeper.speed, tick);
  };

  return {
    start() {
      if (cancelTick === null) tick();
    },
    stop() {
      cancelTick?.();
      cancelTick = null;
      controls.abandonMoves();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now,
    searchAccounts: synced((body: unknown) => searchAccounts(context, body)),
    searchContracts: synced((body: unknown) => searchContracts(directory, body)),
    searchContractById: synced((body: unknown) => searchContractById(directory, body)),
    availableContracts: synced((body: unknown) => availableContracts(directory, body)),
    retrieveBars: synced((body: unknown) =>
      retrieveBars({ directory, now, tapeOf: (spec) => marketOf(spec).tape, calendarOf: (spec) => marketOf(spec).calendar }, body),
    ),
    placeOrder: synced((body: unknown) => placeOrder(context, body)),
    rejectOrder: synced((body: unknown, message: string) => rejectOrder(context, body, message)),
    modifyOrder: synced((body: unknown) => modifyOrder(context, body)),
    cancelOrder: synced((body: unknown) => cancelOrder(context, body)),
    searchOrders: synced((body: unknown) => searchOrders(context, body)),
    searchOpenOrders: synced((body: unknown) => searchOpenOrders(context, body)),
    searchOrderById: synced((body: unknown) => searchOrderById(context, body)),
    queryOrders: synced((body: unknown) => queryOrders(context, body)),
    searchOpenPositions: synced((body: unknown) => searchOpenPositions(context, body)),
    closeContract: synced((body: unknown) => closeContract(context, body)),
    partialCloseContract: synced((body: unknown) => partialCloseContract(context, body)),
    searchTrades: synced((body: unknown) => searchTrades(context, body)),
    movePrice: synced((target: { readonly contractId?: string; readonly symbol?: string; readonly price: number }) => controls.movePrice(target)),
    setFeed: synced((settings: FeedSettings) => {
      const answer = controls.setFeed(settings);
      // A storm that just started ticks at once, on its short interval.
      if (cancelTick !== null && feed.stormActive(now())) {
        cancelTick();
        tick();
      }
      return answer;
    }),
    upsertAccount: synced((body: unknown) => controls.upsertAccount(body)),
    state: synced(() => controls.state()),
    quoteSnapshot: synced((contractId: string) => controls.quoteSnapshot(contractId)),
    depthSnapshot: synced((contractId: string) => controls.depthSnapshot(contractId)),
    burst: synced((contractId: string, count: number) => controls.burst(contractId, count)),
  };
}
