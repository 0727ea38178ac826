import type { AccountId, ContractId } from '../../../src-shared/domain/ids';
import type { PositionView } from '../../../src-shared/domain/trading';

function key(accountId: AccountId, contractId: ContractId): string {
  return `${accountId}|${contractId}`;
}

/** Net positions as the broker reports them; size 0 removes a position. */
export class PositionBook {
  private readonly positions = new Map<string, PositionView>();

  /** Applies a broker position event; returns false when nothing changed (a repeated event). */
  public apply(position: PositionView): boolean {
    const id = key(position.accountId, position.contractId);
    const known = this.positions.get(id);
    if (position.size === 0) return this.positions.delete(id);
    if (known !== undefined && known.size === position.size && known.averageTicks === position.averageTicks) return false;
    this.positions.set(id, position);
    return true;
  }

  /** Replaces an account's positions with the broker's truth; returns the contracts that changed. */
  public reconcile(accountId: AccountId, positions: readonly PositionView[]): ContractId[] {
    const changed = new Set<ContractId>();
    const seen = new Set(positions.map((position) => position.contractId));
    for (const position of this.of(accountId)) {
      if (!seen.has(position.contractId)) {
        this.positions.delete(key(accountId, position.contractId));
        changed.add(position.contractId);
      }
    }
    for (const position of positions) if (this.apply(position)) changed.add(position.contractId);
    return [...changed];
  }

  /** One position, undefined when flat. */
  public get(accountId: AccountId, contractId: ContractId): PositionView | undefined {
    return this.positions.get(key(accountId, contractId));
  }

  /** Open positions of an account. */
  public of(accountId: AccountId): PositionView[] {
    return [...this.positions.values()].filter((position) => position.accountId === accountId);
  }

  /** Every open position. */
  public all(): PositionView[] {
    return [...this.positions.values()];
  }
}
