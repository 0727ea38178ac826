import { productBySymbol as exchangeProduct, type ProductGroup } from '../../../src-shared/exchange';

/** How a product's front month rolls to the next (see contract-months.ts). */
export type RollRule = 'index-quarterly' | 'crude-monthly' | 'metal-bimonthly' | 'treasury-quarterly';

/** Which intraday activity pattern a product follows (see intraday-profile.ts). */
export type ActivityProfile = 'equity' | 'energy' | 'metals' | 'fx' | 'rates';

/** Everything the exchange knows about one futures product. */
export interface ProductSpec {
  /** CME symbol, e.g. `ES`. */
  readonly symbol: string;
  /** ProjectX root, e.g. `EP` (roots are not tickers). */
  readonly root: string;
  /** Start of the contract description, e.g. `E-Mini S&P 500` (then `: September 2026`). */
  readonly title: string;
  readonly tickSize: number;
  /** Decimals that print a tick-grid price exactly. */
  readonly tickDecimals: number;
  /** Dollars per tick per contract, in thousandths of a cent (ZN's $15.625 is 1,562,500). */
  readonly tickValueMillicents: number;
  /** Month codes CME lists. */
  readonly listedMonths: string;
  /** Month codes TopstepX offers as the active contract (gold skips October). */
  readonly activeMonths: string;
  readonly roll: RollRule;
  readonly sessionGroup: ProductGroup;
  readonly profile: ActivityProfile;
  /** Products with the same underlying share one price path (ES and MES print the same prices). */
  readonly underlying: string;
  /** Centre of the price process, in price units. */
  readonly basePrice: number;
  /** Standard deviation of a day's return, as a fraction. */
  readonly dailyVolatility: number;
  /** Contracts traded in a regular full session. */
  readonly dailyVolume: number;
  /** Typical resting size at the best bid or ask. */
  readonly touchSize: number;
  /** All-in fee per side per contract in cents (exchange, clearing, NFA and commission). */
  readonly feeCents: number;
}

/** What only the simulator adds to the exchange module's product facts. */
type SimulatedFacts = Pick<
  ProductSpec,
  'activeMonths' | 'roll' | 'profile' | 'underlying' | 'basePrice' | 'dailyVolatility' | 'dailyVolume' | 'touchSize' | 'feeCents'
>;

function product(symbol: string, simulated: SimulatedFacts): ProductSpec {
  const facts = exchangeProduct(symbol);
  if (facts === undefined) throw new Error(`the exchange module has no product ${symbol}`);
  return {
    symbol: facts.symbol,
    root: facts.brokerRoot,
    title: facts.brokerTitle,
    tickSize: facts.tickSize,
    tickDecimals: facts.tickDecimals,
    tickValueMillicents: facts.tickValueMillicents,
    listedMonths: facts.monthCodes,
    sessionGroup: facts.group,
    ...simulated,
  };
}

const quarterly = 'HMUZ';
const monthly = 'FGHJKMNQUVXZ';

/**
 * The simulated products. Symbols, roots, titles, tick sizes and values, listed months and
 * session groups come from the exchange module (src-shared/exchange, from the live
 * Contract/available capture). Fees follow the ProjectX platform's published round turns split
 * per side: minis $2.80, micros $0.74, CL $3.04, MCL $1.04, GC and 6E $3.24, MGC $1.24, ZN $2.04
 * (an estimate; ZN is not on that list).
 */
export const productCatalogue: readonly ProductSpec[] = [
  product('ES', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'SPX',
    basePrice: 7700,
    dailyVolatility: 0.01,
    dailyVolume: 1_500_000,
    touchSize: 28,
    feeCents: 140,
  }),
  product('MES', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'SPX',
    basePrice: 7700,
    dailyVolatility: 0.01,
    dailyVolume: 900_000,
    touchSize: 14,
    feeCents: 37,
  }),
  product('NQ', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'NDX',
    basePrice: 29_500,
    dailyVolatility: 0.013,
    dailyVolume: 600_000,
    touchSize: 6,
    feeCents: 140,
  }),
  product('MNQ', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'NDX',
    basePrice: 29_500,
    dailyVolatility: 0.013,
    dailyVolume: 1_200_000,
    touchSize: 9,
    feeCents: 37,
  }),
  product('RTY', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'RUT',
    basePrice: 2450,
    dailyVolatility: 0.014,
    dailyVolume: 150_000,
    touchSize: 7,
    feeCents: 140,
  }),
  product('M2K', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'RUT',
    basePrice: 2450,
    dailyVolatility: 0.014,
    dailyVolume: 120_000,
    touchSize: 5,
    feeCents: 37,
  }),
  product('YM', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'DJI',
    basePrice: 49_800,
    dailyVolatility: 0.009,
    dailyVolume: 130_000,
    touchSize: 4,
    feeCents: 140,
  }),
  product('MYM', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'equity',
    underlying: 'DJI',
    basePrice: 49_800,
    dailyVolatility: 0.009,
    dailyVolume: 200_000,
    touchSize: 5,
    feeCents: 37,
  }),
  product('CL', {
    activeMonths: monthly,
    roll: 'crude-monthly',
    profile: 'energy',
    underlying: 'WTI',
    basePrice: 65,
    dailyVolatility: 0.022,
    dailyVolume: 300_000,
    touchSize: 9,
    feeCents: 152,
  }),
  product('MCL', {
    activeMonths: monthly,
    roll: 'crude-monthly',
    profile: 'energy',
    underlying: 'WTI',
    basePrice: 65,
    dailyVolatility: 0.022,
    dailyVolume: 110_000,
    touchSize: 5,
    feeCents: 52,
  }),
  product('GC', {
    activeMonths: 'GJMQZ',
    roll: 'metal-bimonthly',
    profile: 'metals',
    underlying: 'XAU',
    basePrice: 3850,
    dailyVolatility: 0.011,
    dailyVolume: 220_000,
    touchSize: 5,
    feeCents: 162,
  }),
  product('MGC', {
    activeMonths: 'GJMQZ',
    roll: 'metal-bimonthly',
    profile: 'metals',
    underlying: 'XAU',
    basePrice: 3850,
    dailyVolatility: 0.011,
    dailyVolume: 150_000,
    touchSize: 4,
    feeCents: 62,
  }),
  product('6E', {
    activeMonths: quarterly,
    roll: 'index-quarterly',
    profile: 'fx',
    underlying: 'EUR',
    basePrice: 1.17,
    dailyVolatility: 0.005,
    dailyVolume: 160_000,
    touchSize: 18,
    feeCents: 162,
  }),
  product('ZN', {
    activeMonths: quarterly,
    roll: 'treasury-quarterly',
    profile: 'rates',
    underlying: 'UST10',
    basePrice: 112.5,
    dailyVolatility: 0.0035,
    dailyVolume: 1_400_000,
    touchSize: 160,
    feeCents: 102,
  }),
];

const bySymbol = new Map(productCatalogue.map((spec) => [spec.symbol, spec]));
const byRoot = new Map(productCatalogue.map((spec) => [spec.root, spec]));

/** The product with a CME symbol (`ES`), or undefined. */
export function productBySymbol(symbol: string): ProductSpec | undefined {
  return bySymbol.get(symbol.toUpperCase());
}

/** The product with a ProjectX root (`EP`), or undefined. */
export function productByRoot(root: string): ProductSpec | undefined {
  return byRoot.get(root.toUpperCase());
}

/** The gateway symbol id, e.g. `F.US.EP`. */
export function symbolIdOf(spec: ProductSpec): string {
  return `F.US.${spec.root}`;
}
