import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerEvent } from '../../../core/ports/broker-port';
import type { AccountId, EpochMs } from '../../../../src-shared/domain/ids';
import type { FillView } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import type { TimerScope } from '../support/scheduler';
import { tradingDayStart } from '../support/trading-hours';
import type { SnapshotReader } from './snapshot-reader';

/**
 * Runs the REST reconciliation of the watched accounts after every (re)connect and after any
 * uncertain order outcome, emitting one `reconciled` event per account. Requests for an account
 * that is already being read are coalesced into one more read afterwards. Fills are read from
 * the last fill seen (stream or REST), or from the start of the trading day.
 */
export class Reconciler {
  private readonly accounts = new Set<AccountId>();
  private readonly lastFillAt = new Map<AccountId, EpochMs>();
  private readonly running = new Map<AccountId, Promise<Result<void>>>();
  private readonly again = new Set<AccountId>();
  private readonly retryDelay = new Map<AccountId, number>();
  private stopped = false;

  public constructor(
    private readonly reader: Pick<SnapshotReader, 'read'>,
    private readonly emit: (event: BrokerEvent) => void,
    private readonly clock: Clock,
    private readonly timers: TimerScope,
    private readonly logger: Logger,
    private readonly retry: { readonly initial: number; readonly max: number },
  ) {}

  /** Adds an account to reconcile; true when it is new. */
  public watch(accountId: AccountId): boolean {
    const added = !this.accounts.has(accountId);
    this.accounts.add(accountId);
    return added;
  }

  /** The watched accounts. */
  public watched(): AccountId[] {
    return [...this.accounts];
  }

  /** Moves the fill cursor forward. */
  public sawFill(fill: FillView): void {
    const previous = this.lastFillAt.get(fill.accountId) ?? 0;
    if (fill.time > previous) this.lastFillAt.set(fill.accountId, fill.time);
  }

  /** Where the next fills read starts for an account. */
  public fillsSince(accountId: AccountId): EpochMs {
    return this.lastFillAt.get(accountId) ?? tradingDayStart(this.clock.now());
  }

  /** Reconciles every watched account; fails when any of them failed. */
  public async all(): Promise<Result<void>> {
    const results = await Promise.all([...this.accounts].map((accountId) => this.account(accountId)));
    return results.find((result) => !result.ok) ?? ok(undefined);
  }

  /** Reconciles one account (coalesced with a read already running). */
  public account(accountId: AccountId): Promise<Result<void>> {
    const running = this.running.get(accountId);
    if (running !== undefined) {
      this.again.add(accountId);
      return running;
    }
    const run = this.loop(accountId).finally(() => this.running.delete(accountId));
    this.running.set(accountId, run);
    return run;
  }

  /** Stops emitting (reads in flight finish silently). */
  public stop(): void {
    this.stopped = true;
  }

  private async loop(accountId: AccountId): Promise<Result<void>> {
    let result: Result<void> = fail('cancelled', 'not run');
    do {
      this.again.delete(accountId);
      result = await this.once(accountId);
    } while (this.again.has(accountId) && !this.stopped);
    return result;
  }

  private async once(accountId: AccountId): Promise<Result<void>> {
    const since = this.fillsSince(accountId);
    const snapshot = await this.reader.read(accountId, since);
    if (this.stopped) return fail('cancelled', 'the broker link stopped');
    if (!snapshot.ok) {
      // The stream may have missed events: keep trying until one read succeeds.
      const delay = Math.min(this.retry.max, (this.retryDelay.get(accountId) ?? this.retry.initial / 2) * 2);
      this.retryDelay.set(accountId, delay);
      this.logger.warn({ accountId, reason: snapshot.error.message, retryInMs: delay }, 'reconciliation failed');
      this.timers.schedule(delay, () => void this.account(accountId));
      return snapshot;
    }
    this.retryDelay.delete(accountId);
    for (const fill of snapshot.value.fills) this.sawFill(fill);
    this.logger.info({ accountId, orders: snapshot.value.orders.length, positions: snapshot.value.positions.length, fills: snapshot.value.fills.length }, 'reconciled with the broker');
    this.emit({ kind: 'reconciled', snapshot: snapshot.value });
    return ok(undefined);
  }
}
