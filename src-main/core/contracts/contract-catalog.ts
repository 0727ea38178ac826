import type { ContractId } from '../../../src-shared/domain/ids';
import type { ContractView } from '../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../src-shared/result';
import type { BrokerPort } from '../ports/broker-port';
import type { StorePort } from '../ports/store-port';

/**
 * Contracts by id and by the root a trader types (`ES`), resolved through the broker and kept in
 * the store so tick math works before the broker answers again.
 */
export class ContractCatalog {
  private readonly byId = new Map<ContractId, ContractView>();
  private readonly bySymbol = new Map<string, ContractView>();

  public constructor(
    private readonly broker: BrokerPort,
    private readonly store: StorePort | undefined,
  ) {}

  /** A contract already known, by id. */
  public known(contractId: ContractId): ContractView | undefined {
    const cached = this.byId.get(contractId);
    if (cached !== undefined) return cached;
    const stored = this.store?.contract(contractId);
    if (stored !== undefined) this.remember(stored);
    return stored;
  }

  /** Resolves a root (`ES`, `mnq`) or a full contract id to the active contract. */
  public async resolve(symbolOrId: string): Promise<Result<ContractView>> {
    const text = symbolOrId.trim().toUpperCase();
    if (text.length === 0) return fail('invalid-request', 'symbol is empty', 'symbol');
    if (this.broker.isContractId(text)) {
      const known = this.known(text);
      if (known !== undefined) return ok(known);
      const fetched = await this.broker.contractById(text);
      if (fetched.ok) this.remember(fetched.value);
      return fetched;
    }
    const cached = this.bySymbol.get(text);
    if (cached !== undefined) return ok(cached);
    const found = await this.broker.searchContracts(text);
    if (!found.ok) return found;
    for (const contract of found.value) this.remember(contract);
    const match = found.value.find((contract) => contract.symbol === text && contract.active) ?? found.value.find((contract) => contract.symbol === text);
    if (match === undefined) return fail('not-found', `no contract found for '${symbolOrId}'`, 'symbol');
    this.bySymbol.set(text, match);
    return ok(match);
  }

  /** Searches the broker's contracts by free text. */
  public async search(text: string): Promise<Result<ContractView[]>> {
    const found = await this.broker.searchContracts(text);
    if (found.ok) for (const contract of found.value) this.remember(contract);
    return found;
  }

  private remember(contract: ContractView): void {
    this.byId.set(contract.id, contract);
    this.store?.saveContract(contract);
  }
}
