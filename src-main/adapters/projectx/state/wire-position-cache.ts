import type { AccountId, ContractId } from '../../../../src-shared/domain/ids';
import type { PositionView } from '../../../../src-shared/domain/trading';

/** Signed position sizes per account and contract, as the stream and the reads last showed them. */
export class WirePositionCache {
  private readonly sizes = new Map<string, number>();

  /** Records a position; size 0 removes it. */
  public apply(position: PositionView): void {
    const key = keyOf(position.accountId, position.contractId);
    if (position.size === 0) this.sizes.delete(key);
    else this.sizes.set(key, position.size);
  }

  /** Replaces an account's positions with a REST read. */
  public replace(accountId: AccountId, positions: readonly PositionView[]): void {
    for (const key of [...this.sizes.keys()]) if (key.startsWith(`${accountId}|`)) this.sizes.delete(key);
    for (const position of positions) this.apply(position);
  }

  /** The signed size, 0 when flat. */
  public size(accountId: AccountId, contractId: ContractId): number {
    return this.sizes.get(keyOf(accountId, contractId)) ?? 0;
  }
}

function keyOf(accountId: AccountId, contractId: ContractId): string {
  return `${accountId}|${contractId}`;
}
