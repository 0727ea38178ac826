import type { ContractId } from '../../../../src-shared/domain/ids';
import type { HolidayGroup } from './cme-holidays';

/** A product's holiday group; `other` follows the regular Globex week with no holiday data (6E, ZN). */
export type ProductGroup = HolidayGroup | 'other';

/** What the risk rules need to know about a product beyond the broker's tick data. */
export interface ProductFacts {
  readonly group: ProductGroup;
  /** A micro counts as a fraction of a mini for the max-contracts rule. */
  readonly micro: boolean;
}

// From shared/data/contracts.json: holiday group and micro flag by trader-facing root.
const products: Readonly<Record<string, ProductFacts>> = {
  ES: { group: 'equity', micro: false },
  MES: { group: 'equity', micro: true },
  NQ: { group: 'equity', micro: false },
  MNQ: { group: 'equity', micro: true },
  RTY: { group: 'equity', micro: false },
  M2K: { group: 'equity', micro: true },
  YM: { group: 'equity', micro: false },
  MYM: { group: 'equity', micro: true },
  CL: { group: 'energy', micro: false },
  MCL: { group: 'energy', micro: true },
  GC: { group: 'metals', micro: false },
  MGC: { group: 'metals', micro: true },
  '6E': { group: 'other', micro: false },
  ZN: { group: 'other', micro: false },
};

// ProjectX roots that differ from the root a trader types (CON.F.US.EP.Z26 is ES).
const brokerRoots: Readonly<Record<string, string>> = { EP: 'ES', ENQ: 'NQ', CLE: 'CL', MCLE: 'MCL', GCE: 'GC', EU6: '6E', TYA: 'ZN' };

/** Facts of a root; an unknown root is treated as an equity mini (the strictest common case). */
export function productFacts(symbol: string): ProductFacts {
  return products[symbol] ?? { group: 'equity', micro: false };
}

/** The trader-facing root of a ProjectX contract id (`CON.F.US.ENQ.Z26` -> `NQ`), for contracts the catalog does not know yet. */
export function symbolOfContractId(contractId: ContractId): string {
  const parts = contractId.split('.');
  const root = parts.length >= 5 ? (parts[parts.length - 2] ?? contractId) : contractId;
  return brokerRoots[root] ?? root;
}
