import type { ContractModel } from './exchange-api';
import { tradeDateOf } from '../../../src-shared/exchange';
import { contractDescriptionOf, contractIdOf, contractNameOf, frontMonthOf, parseContractId, sameContractMonth, type ContractMonth } from './contract-months';
import { symbolIdOf, type ProductSpec } from './product-catalogue';

/** Most contracts `Contract/search` returns. */
export const maxSearchResults = 20;

/** A resolved contract: its product, month, id and whether it is the active one now. */
export interface ContractRef {
  readonly spec: ProductSpec;
  readonly contractMonth: ContractMonth;
  readonly id: string;
  readonly active: boolean;
}

function subsequence(needle: string, haystack: string): boolean {
  let position = 0;
  for (const character of needle) {
    position = haystack.indexOf(character, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

function searchScore(query: string, model: ContractModel, spec: ProductSpec): number {
  const description = model.description.toUpperCase();
  if (spec.symbol === query || model.name === query || spec.root === query) return 100;
  if (spec.symbol.startsWith(query) || model.name.startsWith(query)) return 80;
  if (spec.root.includes(query) || model.id.includes(query)) return 60;
  if (spec.symbol.includes(query) || model.name.includes(query)) return 55;
  if (description.includes(query)) return 40;
  const words = query.split(/\s+/).filter((word) => word.length > 0);
  if (words.every((word) => description.includes(word) || spec.symbol.includes(word))) return 30;
  return subsequence(query.replace(/\s+/g, ''), `${spec.symbol}${description.replace(/\s+/g, '')}`) ? 10 : 0;
}

/** The contracts the exchange lists, as of its clock: one active month per product. */
export class ContractDirectory {
  private readonly frontCache = new Map<string, ContractMonth>();

  public constructor(
    private readonly products: readonly ProductSpec[],
    private readonly now: () => number,
  ) {}

  /** The active contract of a product now. */
  public front(spec: ProductSpec): ContractRef {
    const tradeDate = tradeDateOf(this.now());
    const key = `${spec.symbol}:${tradeDate}`;
    let contractMonth = this.frontCache.get(key);
    if (contractMonth === undefined) {
      contractMonth = frontMonthOf(spec, tradeDate);
      this.frontCache.set(key, contractMonth);
    }
    return { spec, contractMonth, id: contractIdOf(spec, contractMonth), active: true };
  }

  /** Resolves any well-formed id of a simulated product, expired and future months included. */
  public resolve(id: string): ContractRef | null {
    const parsed = parseContractId(id);
    if (parsed === null || !this.products.includes(parsed.spec)) return null;
    const active = sameContractMonth(parsed.contractMonth, this.front(parsed.spec).contractMonth);
    return { spec: parsed.spec, contractMonth: parsed.contractMonth, id, active };
  }

  /** The product of a symbol (`ES`), root (`EP`), symbol id (`F.US.EP`) or contract id. */
  public productOf(key: string): ProductSpec | undefined {
    const upper = key.toUpperCase();
    return this.products.find((spec) => spec.symbol === upper || spec.root === upper || symbolIdOf(spec) === upper) ?? this.resolve(key)?.spec;
  }

  /** The `ContractModel` of a resolved contract. */
  public model(ref: ContractRef): ContractModel {
    return {
      id: ref.id,
      name: contractNameOf(ref.spec, ref.contractMonth),
      description: contractDescriptionOf(ref.spec, ref.contractMonth),
      tickSize: ref.spec.tickSize,
      tickValue: ref.spec.tickValueMillicents / 100_000,
      activeContract: ref.active,
      symbolId: symbolIdOf(ref.spec),
    };
  }

  /** `Contract/available`: every product's active contract. */
  public available(): ContractModel[] {
    return this.products.map((spec) => this.model(this.front(spec)));
  }

  /** `Contract/search`: a forgiving text match over symbol, name, root and description; at most 20. */
  public search(text: string): ContractModel[] {
    const query = text.trim().toUpperCase();
    const scored = this.products.map((spec, order) => {
      const model = this.model(this.front(spec));
      return { model, order, score: query.length === 0 ? 1 : searchScore(query, model, spec) };
    });
    return scored
      .filter((entry) => entry.score > 0)
      .sort((left, right) => right.score - left.score || left.order - right.order)
      .slice(0, maxSearchResults)
      .map((entry) => entry.model);
  }

  /** `Contract/searchById`: the contract, or null when the id names nothing. */
  public byId(id: string): ContractModel | null {
    const ref = this.resolve(id);
    return ref === null ? null : this.model(ref);
  }
}
