import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logger';
import type { BrokerSnapshot } from '../../../core/ports/broker-port';
import type { AccountId, EpochMs, OrderId } from '../../../../src-shared/domain/ids';
import type { OrderView } from '../../../../src-shared/domain/trading';
import { ok, type Result } from '../../../../src-shared/result';
import { workingStatusCodes } from '../parse/enums';
import { parseFill, type FillRecord } from '../parse/fill';
import { mergeRecord } from '../parse/merge';
import { parseOrderUpdate, type OrderRecord } from '../parse/order';
import type { Parsed } from '../parse/parsed';
import { parsePosition, type PositionRecord } from '../parse/position';
import { parseBrokerTime } from '../parse/wire';
import { accountSearchErrors } from '../rest/endpoint-errors';
import { asResult, isMissingEndpoint, type RestClient } from '../rest/rest-client';
import type { OrderCache } from '../state/order-cache';
import type { WirePositionCache } from '../state/wire-position-cache';
import type { ViewConverter } from '../state/view-converter';
import type { AnnouncedAccountLedger } from './announced-account-ledger';

const ordersPayload = z.object({ orders: z.array(z.unknown()).nullish() });
const positionsPayload = z.object({ positions: z.array(z.unknown()).nullish() });
const tradesPayload = z.object({ trades: z.array(z.unknown()).nullish() });
const pageSize = 100;
// Beyond this many orders since the probe's start a full read is cheaper.
const maxPages = 3;
const filledStatus = 2;

/** What the catch-up reads need. */
export interface CatchUpParts {
  readonly rest: RestClient;
  readonly converter: ViewConverter;
  readonly orders: OrderCache;
  readonly positions: WirePositionCache;
  readonly ledger: AnnouncedAccountLedger;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A catch-up's answer: the account's truth and the REST calls it took, or why only a full read will do. */
export type CatchUp =
  { readonly kind: 'snapshot'; readonly snapshot: BrokerSnapshot; readonly calls: number } | { readonly kind: 'full'; readonly reason: string };

/**
 * The cheap reconciliation after a stream gap that began (at the earliest) at `lostAt`: read only
 * what can have changed since.
 *
 * Why one read is enough when it shows nothing new. Before the gap the account's picture was exact:
 * a whole REST truth taken in earlier, kept up by an unbroken stream (the ledger knows the account,
 * and no stream event of it arrived at or after `lostAt`, so every event sent before `lostAt` was
 * received). Whatever changed after `lostAt` changed through an order: a working order was filled,
 * cancelled, modified or expired, or a new order was placed (by this terminal, another app or the
 * broker's own liquidation); positions move only through fills, and fills only through orders. One
 * `Order/v2/query` of every order created since the oldest of `lostAt` and the working orders'
 * creation therefore lists every order that can have changed, each with its current state. If none
 * was updated at or after `lostAt` and each equals the cached one, nothing changed: the ledger's
 * picture is the truth, and no position or fill read is needed. If some changed, the same answer
 * already holds the working orders (suspended bracket children included, which only v2/query
 * lists); positions and the fills since the last fill seen are read only when a changed order shows
 * a fill. `lostAt` carries the margins for clock skew and for a socket that died silently (events
 * lost before the disconnect was noticed).
 */
export class CatchUpReader {
  public constructor(private readonly parts: CatchUpParts) {}

  /** The account's truth after a gap from `lostAt`, with fills read from `fillsSince` when any can be new. */
  public async read(accountId: AccountId, lostAt: EpochMs, fillsSince: EpochMs): Promise<Result<CatchUp>> {
    const { ledger, orders: cache, converter, clock } = this.parts;
    if (!ledger.isKnown(accountId)) return ok({ kind: 'full', reason: 'no REST truth of the account yet' });
    if (!ledger.quietSince(accountId, lostAt)) return ok({ kind: 'full', reason: 'stream activity close to the gap' });
    const known = ledger.working(accountId);
    const from = Math.min(lostAt, ...known.map((order) => order.createdAt));
    const at = clock.now();
    const probe = await this.ordersSince(accountId, from);
    if (!probe.ok) return isMissingEndpoint(probe.error) ? ok({ kind: 'full', reason: 'Order/v2/query is not available' }) : probe;
    if (probe.value === undefined) return ok({ kind: 'full', reason: 'too many orders since the gap for one probe' });
    let calls = probe.value.calls;
    const listed = new Map<OrderId, OrderRecord>(probe.value.orders.map((record) => [record.id, record]));
    const changed = probe.value.orders.filter((record) => hasChanged(record, cache.get(record.id), lostAt));
    const vanished = known.filter((order) => !listed.has(order.id));
    if (changed.length === 0 && vanished.length === 0) {
      return ok({ kind: 'snapshot', calls, snapshot: { accountId, orders: known, positions: ledger.positions(accountId), fills: [], at } });
    }
    if (vanished.length > 0) return ok({ kind: 'full', reason: 'a working order is missing from the probe' });
    const merged = probe.value.orders.map((record) => mergeRecord(cache.get(record.id), record));
    const filled = changed.some((record) => showsFill(record, cache.get(record.id)));
    for (const record of merged) cache.store(record);
    const changedIds = new Set(changed.map((record) => record.id));
    // Working orders, plus the ones that ended in the gap (so the core learns how they ended).
    const shown = merged.filter((record) => (record.status !== undefined && workingStatusCodes.includes(record.status)) || changedIds.has(record.id));
    const orderViews: OrderView[] = await converter.all(shown, (record) => converter.order(record));
    if (!filled) return ok({ kind: 'snapshot', calls, snapshot: { accountId, orders: orderViews, positions: ledger.positions(accountId), fills: [], at } });
    const [positions, fills] = await Promise.all([this.openPositions(accountId), this.fillsSince(accountId, fillsSince)]);
    calls += 2;
    if (!positions.ok) return positions;
    if (!fills.ok) return fills;
    const positionViews = (await converter.all(positions.value, (record) => converter.position(record))).filter((position) => position.size !== 0);
    const fillViews = await converter.all(fills.value, (record) => converter.fill(record));
    this.parts.positions.replace(accountId, positionViews);
    return ok({ kind: 'snapshot', calls, snapshot: { accountId, orders: orderViews, positions: positionViews, fills: fillViews, at } });
  }

  /** Every order created since `from`, any status; undefined when there are more than a few pages. */
  private async ordersSince(accountId: AccountId, from: EpochMs): Promise<Result<{ orders: OrderRecord[]; calls: number } | undefined>> {
    const orders: OrderRecord[] = [];
    for (let page = 0; page < maxPages; page++) {
      const answer = asResult(
        await this.parts.rest.call({
          path: '/api/Order/v2/query',
          body: { filter: { accountId, createdAfter: new Date(from).toISOString() }, pageSize, pageOffset: page * pageSize, sortBy: 1, sortDirection: 0 },
          payload: ordersPayload,
          errors: accountSearchErrors,
          lane: 'reconcile',
        }),
      );
      if (!answer.ok) return answer;
      const items = answer.value.orders ?? [];
      orders.push(...this.records(items, parseOrderUpdate, 'order'));
      if (items.length < pageSize) return ok({ orders, calls: page + 1 });
    }
    return ok(undefined);
  }

  private async openPositions(accountId: AccountId): Promise<Result<PositionRecord[]>> {
    const answer = asResult(
      await this.parts.rest.call({
        path: '/api/Position/searchOpen',
        body: { accountId },
        payload: positionsPayload,
        errors: accountSearchErrors,
        lane: 'reconcile',
      }),
    );
    return answer.ok ? ok(this.records(answer.value.positions ?? [], parsePosition, 'position')) : answer;
  }

  private async fillsSince(accountId: AccountId, since: EpochMs): Promise<Result<FillRecord[]>> {
    const answer = asResult(
      await this.parts.rest.call({
        path: '/api/Trade/search',
        body: { accountId, startTimestamp: new Date(since).toISOString() },
        payload: tradesPayload,
        errors: accountSearchErrors,
        lane: 'reconcile',
      }),
    );
    return answer.ok ? ok(this.records(answer.value.trades ?? [], parseFill, 'fill')) : answer;
  }

  private records<T>(items: readonly unknown[], parse: (item: unknown) => Parsed<T>, what: string): T[] {
    const records: T[] = [];
    for (const item of items) {
      const record = parse(item);
      if (record.ok) records.push(record.value);
      else this.parts.logger.warn({ what, reason: record.reason }, 'skipped a malformed item in a broker answer');
    }
    return records;
  }
}

/** Whether an order as the broker lists it now differs from what the stream last showed, or moved at or after `lostAt`. */
export function hasChanged(record: OrderRecord, cached: OrderRecord | undefined, lostAt: EpochMs): boolean {
  if (cached === undefined) return true;
  const stamp = record.updateTimestamp ?? record.creationTimestamp;
  const movedAt = stamp === undefined || stamp === null ? undefined : parseBrokerTime(stamp);
  if (movedAt === undefined || movedAt >= lostAt) return true;
  const same = <T>(left: T | null | undefined, right: T | null | undefined) => (left ?? null) === (right ?? null);
  return !(
    same(record.status, cached.status) &&
    same(record.size, cached.size) &&
    same(record.limitPrice, cached.limitPrice) &&
    same(record.stopPrice, cached.stopPrice) &&
    (record.fillVolume ?? 0) === (cached.fillVolume ?? 0) &&
    same(record.trailPrice, cached.trailPrice)
  );
}

/** Whether a changed order shows a fill the stream may not have delivered (a fill moves positions). */
export function showsFill(record: OrderRecord, cached: OrderRecord | undefined): boolean {
  return record.status === filledStatus || (record.fillVolume ?? 0) > (cached?.fillVolume ?? 0) || (record.fillVolume ?? 0) > 0;
}
