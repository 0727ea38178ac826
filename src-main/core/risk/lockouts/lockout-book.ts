import type { AccountId } from '../../../../src-shared/domain/ids';
import type { RiskLockCondition } from '../../../../src-shared/domain/risk';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { StorePort } from '../../ports/store-port';
import { lockHorizon, lockId, moreRestrictive, type LockRequest, type RiskLock } from './risk-lock';

/** The settings key of the persisted locks. */
export const locksKey = 'risk.locks';

/** A change to the locks, for the audit log and the UI. */
export interface LockChange {
  readonly change: 'added' | 'extended' | 'expired' | 'lifted';
  readonly lock: RiskLock;
}

function isLock(value: unknown): value is RiskLock {
  const lock = value as Partial<RiskLock> | null;
  return (
    typeof lock === 'object' &&
    lock !== null &&
    typeof lock.id === 'string' &&
    typeof lock.accountId === 'number' &&
    typeof lock.reason === 'string' &&
    (lock.kind === 'hard' || lock.kind === 'cooldown' || lock.kind === 'condition') &&
    (typeof lock.endsAt === 'number' || lock.endsAt === null)
  );
}

/**
 * Every lock in force (docs/risk-rules.md §5), persisted on each change so a restart never lifts
 * one early. Locks end only at their time or condition (or, for day-scoped ones, at the roll);
 * there is no manual unlock. A repeat of the same rule's lock can only extend it.
 */
export class LockoutBook {
  private readonly locks = new Map<AccountId, RiskLock[]>();

  public constructor(
    private readonly clock: Clock,
    private readonly store: StorePort | undefined,
    private readonly logger: Logger,
    private readonly changed: (changes: readonly LockChange[]) => void,
  ) {}

  /** Reloads the persisted locks; those that ended while the terminal was closed are swept. */
  public restore(): void {
    const stored = this.store?.setting(locksKey);
    if (stored === undefined) return;
    if (!Array.isArray(stored)) {
      this.logger.error({ key: locksKey }, 'stored risk locks are not a list; ignoring them');
      return;
    }
    for (const lock of stored.filter(isLock)) this.locks.set(lock.accountId, [...(this.locks.get(lock.accountId) ?? []), lock]);
    this.sweep();
  }

  /** Adds a lock, or extends the same rule's lock of the same scope and kind; never shortens one. */
  public add(accountId: AccountId, request: LockRequest): LockChange | undefined {
    const id = lockId(accountId, request);
    const list = this.locks.get(accountId) ?? [];
    const known = list.find((lock) => lock.id === id);
    if (known !== undefined && lockHorizon(known) >= lockHorizon(request)) return undefined;
    const lock: RiskLock = { ...request, id, accountId, startedAt: known?.startedAt ?? this.clock.now() };
    this.locks.set(accountId, [...list.filter((candidate) => candidate.id !== id), lock]);
    const change: LockChange = { change: known === undefined ? 'added' : 'extended', lock };
    this.commit([change]);
    return change;
  }

  /** Lifts the condition locks of an account that wait for `condition` (optionally of one symbol only). */
  public liftCondition(accountId: AccountId, condition: RiskLockCondition, keep: (lock: RiskLock) => boolean = () => false): LockChange[] {
    return this.remove(accountId, (lock) => lock.condition === condition && !keep(lock), 'lifted');
  }

  /** Lifts the day-scoped locks of an account (at its day roll). */
  public rollDay(accountId: AccountId): LockChange[] {
    return this.remove(accountId, (lock) => lock.dayScoped, 'lifted');
  }

  /** Removes every lock whose time has come. */
  public sweep(): LockChange[] {
    const now = this.clock.now();
    const changes: LockChange[] = [];
    for (const accountId of this.locks.keys()) changes.push(...this.remove(accountId, (lock) => lock.endsAt !== null && lock.endsAt <= now, 'expired', false));
    if (changes.length > 0) this.commit(changes);
    return changes;
  }

  /** Locks in force that cover an account, or an order in one symbol of it (account-wide locks included). */
  public covering(accountId: AccountId, symbol: string | undefined): RiskLock[] {
    const list = this.locks.get(accountId);
    if (list === undefined) return [];
    const now = this.clock.now();
    return list.filter((lock) => (lock.endsAt === null || lock.endsAt > now) && (lock.symbol === null || lock.symbol === symbol));
  }

  /** The most restrictive lock covering an account (and a symbol), if any. */
  public effective(accountId: AccountId, symbol: string | undefined): RiskLock | undefined {
    let winner: RiskLock | undefined;
    for (const lock of this.covering(accountId, symbol)) winner = winner === undefined ? lock : moreRestrictive(winner, lock);
    return winner;
  }

  /** Every lock of an account in force, most restrictive first. */
  public of(accountId: AccountId): RiskLock[] {
    const now = this.clock.now();
    return (this.locks.get(accountId) ?? []).filter((lock) => lock.endsAt === null || lock.endsAt > now).sort((a, b) => (moreRestrictive(a, b) === a ? -1 : 1));
  }

  /** The earliest end among timed locks, to arm the sweep. */
  public nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const list of this.locks.values()) for (const lock of list) if (lock.endsAt !== null && (next === undefined || lock.endsAt < next)) next = lock.endsAt;
    return next;
  }

  private remove(accountId: AccountId, matches: (lock: RiskLock) => boolean, change: LockChange['change'], commit = true): LockChange[] {
    const list = this.locks.get(accountId) ?? [];
    const removed = list.filter(matches);
    if (removed.length === 0) return [];
    this.locks.set(
      accountId,
      list.filter((lock) => !matches(lock)),
    );
    const changes = removed.map((lock) => ({ change, lock }));
    if (commit) this.commit(changes);
    return changes;
  }

  private commit(changes: readonly LockChange[]): void {
    this.store?.saveSetting(locksKey, [...this.locks.values()].flat());
    this.changed(changes);
  }
}
