import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerEvent, BrokerSnapshot } from '../../../core/ports/broker-port';
import type { AccountId, EpochMs } from '../../../../src-shared/domain/ids';
import type { FillView } from '../../../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../../../src-shared/result';
import type { TimerScope } from '../support/timer-scope';
import { tradingDayStart } from '../../../../src-shared/exchange';
import type { CatchUpReader } from './catch-up-reader';
import type { SnapshotReader } from './snapshot-reader';

/** One pending reconciliation of an account: a full read, or a catch-up after a stream gap from `lostAt`. */
interface Request {
  readonly full: boolean;
  readonly lostAt: EpochMs;
}

function merge(left: Request | undefined, right: Request): Request {
  if (left === undefined) return right;
  return { full: left.full || right.full, lostAt: Math.min(left.lostAt, right.lostAt) };
}

const fullRead: Request = { full: true, lostAt: Number.NEGATIVE_INFINITY };

/**
 * Runs the REST reconciliation of the watched accounts, emitting one `reconciled` event per account
 * reconciled: a full read (three reads) at the first connect and after any uncertain order outcome,
 * and after a stream gap the catch-up of `CatchUpReader` (one read when nothing changed). Requests
 * for an account that is already being read are merged into one more run afterwards. Fills are read
 * from the last fill seen (stream or REST), or from the start of the trading day.
 */
export class Reconciler {
  private readonly accounts = new Set<AccountId>();
  private readonly lastFillAt = new Map<AccountId, EpochMs>();
  private readonly running = new Map<AccountId, Promise<Result<void>>>();
  private readonly pending = new Map<AccountId, Request>();
  private readonly retryDelay = new Map<AccountId, number>();
  private stopped = false;

  public constructor(
    private readonly reader: Pick<SnapshotReader, 'read'>,
    private readonly emit: (event: BrokerEvent) => void,
    private readonly clock: Clock,
    private readonly timers: TimerScope,
    private readonly logger: Logger,
    private readonly retry: { readonly initial: number; readonly max: number },
    private readonly catchUpReader?: Pick<CatchUpReader, 'read'>,
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

  /** Reconciles one account with a full read (coalesced with a read already running). */
  public account(accountId: AccountId): Promise<Result<void>> {
    return this.request(accountId, fullRead);
  }

  /**
   * Reconciles every watched account after a stream gap that began (at the earliest) at `lostAt`,
   * reading only what can have changed since (a full read where that cannot be told).
   */
  public async catchUp(lostAt: EpochMs): Promise<Result<void>> {
    const request: Request = this.catchUpReader === undefined ? fullRead : { full: false, lostAt };
    const results = await Promise.all([...this.accounts].map((accountId) => this.request(accountId, request)));
    return results.find((result) => !result.ok) ?? ok(undefined);
  }

  private request(accountId: AccountId, request: Request): Promise<Result<void>> {
    this.pending.set(accountId, merge(this.pending.get(accountId), request));
    const running = this.running.get(accountId);
    if (running !== undefined) return running;
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
    for (let request = this.pending.get(accountId); request !== undefined && !this.stopped; request = this.pending.get(accountId)) {
      this.pending.delete(accountId);
      result = await this.once(accountId, request);
    }
    return result;
  }

  private async once(accountId: AccountId, request: Request): Promise<Result<void>> {
    const since = this.fillsSince(accountId);
    const read = await this.read(accountId, request, since);
    if (this.stopped) return fail('cancelled', 'the broker link stopped');
    if (!read.ok) {
      // The stream may have missed events: keep trying until one read succeeds.
      const delay = Math.min(this.retry.max, (this.retryDelay.get(accountId) ?? this.retry.initial / 2) * 2);
      this.retryDelay.set(accountId, delay);
      this.logger.warn({ accountId, reason: read.error.message, retryInMs: delay }, 'reconciliation failed');
      this.timers.schedule(delay, () => void this.request(accountId, request));
      return read;
    }
    const { snapshot, calls, how } = read.value;
    this.retryDelay.delete(accountId);
    for (const fill of snapshot.fills) this.sawFill(fill);
    this.logger.info(
      { accountId, how, calls, orders: snapshot.orders.length, positions: snapshot.positions.length, fills: snapshot.fills.length },
      'reconciled with the broker',
    );
    this.emit({ kind: 'reconciled', snapshot });
    return ok(undefined);
  }

  private async read(
    accountId: AccountId,
    request: Request,
    since: EpochMs,
  ): Promise<Result<{ snapshot: BrokerSnapshot; calls: number | undefined; how: string }>> {
    if (!request.full && this.catchUpReader !== undefined) {
      const caught = await this.catchUpReader.read(accountId, request.lostAt, since);
      if (!caught.ok) return caught;
      if (caught.value.kind === 'snapshot') return ok({ snapshot: caught.value.snapshot, calls: caught.value.calls, how: 'catch-up' });
      this.logger.info({ accountId, reason: caught.value.reason }, 'reconciliation needs a full read');
    }
    const snapshot = await this.reader.read(accountId, since);
    return snapshot.ok ? ok({ snapshot: snapshot.value, calls: undefined, how: 'full' }) : snapshot;
  }
}
