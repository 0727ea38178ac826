import type { SimAccountLedger } from './account-ledger';
import type { ContractDirectory } from './contract-directory';
import type { ExchangeEvent, HalfTradeModel } from './exchange-api';
import type { FeeSchedule } from './fee-schedule';
import type { IdSequences } from './id-sequences';
import type { LiveMarket } from './live-market';
import type { OrderStore } from './order-store';
import type { PositionLedger } from './position-ledger';
import type { ProductSpec } from './product-catalogue';
import type { Stamper } from './timestamps';

/** A fill as recorded, with its instant for time-window searches. */
export interface TradeEntry {
  readonly ms: number;
  readonly trade: HalfTradeModel;
}

/** What the order-handling modules share: state, clock, ids and the event outlet. */
export interface ExchangeContext {
  /** The exchange clock, epoch ms. */
  readonly now: () => number;
  readonly stamper: Stamper;
  readonly accounts: SimAccountLedger;
  readonly positions: PositionLedger;
  readonly orders: OrderStore;
  readonly trades: TradeEntry[];
  readonly fees: FeeSchedule;
  readonly ids: IdSequences;
  readonly directory: ContractDirectory;
  /** The live market of a product. */
  marketOf(spec: ProductSpec): LiveMarket;
  /** Announces an event to every listener, synchronously. */
  emit(event: ExchangeEvent): void;
  /** Publishes the market's pending prints and quote, so a fill is never announced before the trade that caused it. */
  publishMarket(market: LiveMarket): void;
}
