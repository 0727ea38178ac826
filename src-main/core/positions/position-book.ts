import type { AccountId, ContractId, EpochMs } from '../../../src-shared/domain/ids';
import type { PositionView } from '../../../src-shared/domain/trading';

function key(accountId: AccountId, contractId: ContractId): string {
  return `${accountId}|${contractId}`;
}

/** Net positions as the broker reports them; size 0 removes a position. */
export class PositionBook {
  private readonly positions = new Map<string, PositionView>();
  /** When the stream last spoke of each contract (flat included), on the terminal's clock. */
  private readonly heardAt = new Map<string, EpochMs>();

  /** Applies a broker position event heard at `at`; returns false when nothing changed (a repeated event). */
  public apply(position: PositionView, at?: EpochMs): boolean {
    const id = key(position.accountId, position.contractId);
    if (at !== undefined) this.heardAt.set(id, at);
    const known = this.positions.get(id);
    if (position.size === 0) return this.positions.delete(id);
    if (known !== undefined && known.size === position.size && known.averageTicks === position.averageTicks) return false;
    this.positions.set(id, position);
    return true;
  }

  /**
   * Replaces an account's positions with the broker's truth read from `readAt` on; returns the
   * contracts that changed. A contract the stream spoke of after `readAt` keeps the stream's word:
   * the REST read may predate it (a close between the position read and the apply).
   */
  public reconcile(accountId: AccountId, positions: readonly PositionView[], readAt: EpochMs = Number.POSITIVE_INFINITY): ContractId[] {
    const changed = new Set<ContractId>();
    const newer = (contractId: ContractId) => (this.heardAt.get(key(accountId, contractId)) ?? Number.NEGATIVE_INFINITY) > readAt;
    const seen = new Set(positions.map((position) => position.contractId));
    for (const position of this.of(accountId)) {
      if (!seen.has(position.contractId) && !newer(position.contractId)) {
        this.positions.delete(key(accountId, position.contractId));
        changed.add(position.contractId);
      }
    }
    for (const position of positions) if (!newer(position.contractId) && this.apply(position)) changed.add(position.contractId);
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
