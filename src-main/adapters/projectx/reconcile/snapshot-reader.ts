import type { Clock } from '../../../core/clock';
import type { BrokerSnapshot, CallLane } from '../../../core/ports/broker-port';
import type { AccountId, EpochMs } from '../../../../src-shared/domain/ids';
import { ok, type Result } from '../../../../src-shared/result';
import { mergeRecord } from '../parse/merge';
import type { BrokerReads } from '../rest/broker-reads';
import type { OrderCache } from '../state/order-cache';
import type { WirePositionCache } from '../state/wire-position-cache';
import type { ViewConverter } from '../state/view-converter';

/** What reading a snapshot needs. */
export interface SnapshotParts {
  readonly reads: BrokerReads;
  readonly converter: ViewConverter;
  readonly orders: OrderCache;
  readonly positions: WirePositionCache;
  readonly clock: Clock;
}

/**
 * Reads an account's REST truth: working orders (suspended bracket children included), open
 * positions and the fills since `since`. The caches adopt what was read, so later partial
 * stream updates merge into current orders.
 */
export class SnapshotReader {
  public constructor(private readonly parts: SnapshotParts) {}

  /** One snapshot; fails when any of the three reads fails (a partial truth is not a truth). */
  public async read(accountId: AccountId, since: EpochMs, lane: CallLane = 'normal'): Promise<Result<BrokerSnapshot>> {
    const { reads, converter, orders: cache, positions: book } = this.parts;
    const at = this.parts.clock.now();
    const [orders, positions, fills] = await Promise.all([
      reads.workingOrders(accountId, cache.workingIds(accountId), lane),
      reads.openPositions(accountId, lane),
      reads.fillsSince(accountId, since, lane),
    ]);
    if (!orders.ok) return orders;
    if (!positions.ok) return positions;
    if (!fills.ok) return fills;
    // REST answers are whole orders, but searchOpen omits fields the stream had (customTag, fillVolume).
    const merged = orders.value.map((record) => mergeRecord(cache.get(record.id), record));
    for (const record of merged) cache.store(record);
    const orderViews = await converter.all(merged, (record) => converter.order(record));
    const positionViews = (await converter.all(positions.value, (record) => converter.position(record))).filter((position) => position.size !== 0);
    const fillViews = await converter.all(fills.value, (record) => converter.fill(record));
    book.replace(accountId, positionViews);
    return ok({ accountId, orders: orderViews, positions: positionViews, fills: fillViews, at });
  }
}
