import { z } from 'zod';
import { decimalsOf } from '../domain/money';
import contractFile from './data/contracts.json';
import { productGroups, type ProductGroup } from './holidays';

/**
 * Product facts of the contracts TopstepX lists, read from data/contracts.json (a copy of the
 * project's reference data: roots, tick sizes and values from a live Contract/available capture)
 * and validated when this module loads.
 */

const productSchema = z.object({
  symbol: z.string().min(1),
  name: z.string().min(1),
  exchange: z.string().min(1),
  holiday_group: z.enum(productGroups),
  tick_size: z.number().positive(),
  tick_value_usd: z.number().positive(),
  point_value_usd: z.number().positive(),
  contract_months: z.object({ month_codes: z.array(z.string().regex(/^[FGHJKMNQUVXZ]$/)).min(1) }),
  projectx: z.object({ root: z.string().min(1), symbol_id: z.string().min(1), example_description: z.string().includes(': ') }),
  mini: z.string().nullable(),
  size_ratio_to_mini: z.number().positive().nullable(),
});

const fileSchema = z.object({ contracts: z.array(productSchema).min(1) });

/** One futures product. */
export interface Product {
  /** CME symbol a trader types, e.g. `ES`. */
  readonly symbol: string;
  readonly name: string;
  /** CME, CBOT, NYMEX or COMEX. */
  readonly exchange: string;
  /** Its session and holiday group. */
  readonly group: ProductGroup;
  readonly tickSize: number;
  /** Decimals that print a tick-grid price exactly. */
  readonly tickDecimals: number;
  /** Dollars per tick per contract, as a number (ZN: 15.625). */
  readonly tickValue: number;
  /** Dollars per tick per contract in thousandths of a cent, exact (ZN: 1,562,500). */
  readonly tickValueMillicents: number;
  /** Dollars per point per contract. */
  readonly pointValue: number;
  /** True for a micro (a tenth of its mini). */
  readonly micro: boolean;
  /** The mini a micro is a fraction of (`MES` -> `ES`), else null. */
  readonly mini: string | null;
  /** The ProjectX root, e.g. `EP` for ES (roots are not tickers). */
  readonly brokerRoot: string;
  /** The ProjectX symbol id, e.g. `F.US.EP`. */
  readonly symbolId: string;
  /** Start of the broker's contract description, e.g. `E-Mini S&P 500` (then `: September 2026`). */
  readonly brokerTitle: string;
  /** Month codes CME lists, e.g. `HMUZ`. */
  readonly monthCodes: string;
}

/** Every product, in the data file's order. */
export const products: readonly Product[] = fileSchema.parse(contractFile).contracts.map((entry) => ({
  symbol: entry.symbol,
  name: entry.name,
  exchange: entry.exchange,
  group: entry.holiday_group,
  tickSize: entry.tick_size,
  tickDecimals: decimalsOf(entry.tick_size),
  tickValue: entry.tick_value_usd,
  tickValueMillicents: Math.round(entry.tick_value_usd * 100_000),
  pointValue: entry.point_value_usd,
  micro: entry.size_ratio_to_mini !== null,
  mini: entry.mini,
  brokerRoot: entry.projectx.root,
  symbolId: entry.projectx.symbol_id,
  brokerTitle: entry.projectx.example_description.slice(0, entry.projectx.example_description.indexOf(': ')),
  monthCodes: entry.contract_months.month_codes.join(''),
}));

const bySymbol = new Map(products.map((product) => [product.symbol, product]));
const byRoot = new Map(products.map((product) => [product.brokerRoot, product]));

/** The product of a CME symbol (`ES`, any case), or undefined. */
export function productBySymbol(symbol: string): Product | undefined {
  return bySymbol.get(symbol.toUpperCase());
}

/** The product of a ProjectX root (`EP`, any case), or undefined. */
export function productByBrokerRoot(root: string): Product | undefined {
  return byRoot.get(root.toUpperCase());
}

/** The trader-facing symbol of a ProjectX contract id (`CON.F.US.ENQ.Z26` -> `NQ`); an unknown root comes back as it is. */
export function symbolOfContractId(contractId: string): string {
  const parts = contractId.split('.');
  const root = parts.length >= 5 ? (parts[parts.length - 2] ?? contractId) : contractId;
  return byRoot.get(root)?.symbol ?? root;
}

/** What the risk rules need to know about a product beyond the broker's tick data. */
export interface ProductFacts {
  readonly group: ProductGroup;
  /** A micro counts as a fraction of a mini for the max-contracts rule. */
  readonly micro: boolean;
}

/** Group and micro flag of a symbol; an unknown symbol is treated as an equity mini (the strictest common case). */
export function productFacts(symbol: string): ProductFacts {
  const product = bySymbol.get(symbol);
  return product === undefined ? { group: 'equity', micro: false } : { group: product.group, micro: product.micro };
}

/** The session group of a symbol (`ES`) or ProjectX contract id; unknown ones follow equity. */
export function productGroupOf(symbolOrContractId: string): ProductGroup {
  return productFacts(symbolOrContractId.startsWith('CON.') ? symbolOfContractId(symbolOrContractId) : symbolOrContractId).group;
}
