import type { SimTruth, SimWorkingOrder } from './terminal-on-sim';

/** True for an order the terminal placed as a protective leg, or the broker made for its entry. */
export function isLeg(order: { readonly customTag: string | null }): boolean {
  const tag = order.customTag ?? '';
  return tag.startsWith('tl-') || /^tt-.+-(SL|TP)$/.test(tag);
}

/** True for an order a trader (here, or in another app) sent as an entry: it may open exposure. */
export function isEntryTag(tag: string | null): boolean {
  return tag !== null && !isLeg({ customTag: tag }) && (tag.startsWith('tt-') || tag.startsWith('oa-'));
}

/** The signed size of a position in the broker's truth. */
export function signedSize(truth: SimTruth, accountId: number, contractId: string): number {
  const position = truth.positions.find((candidate) => candidate.accountId === accountId && candidate.contractId === contractId);
  if (position === undefined) return 0;
  return position.type === 1 ? position.size : -position.size;
}

/**
 * The protection invariants over the broker's truth for one account and contract: a flat contract
 * has no working legs; legs sit on the closing side and neither the stops nor the targets add up to
 * more than the position. Returns the violations in words (empty when all hold).
 */
export function legViolations(truth: SimTruth, accountId: number, contractId: string): string[] {
  const size = signedSize(truth, accountId, contractId);
  // Suspended children wait for an entry that has not filled: they protect nothing yet and open nothing.
  const legs = truth.workingOrders.filter((order) => order.accountId === accountId && order.contractId === contractId && order.status !== 8 && isLeg(order));
  if (size === 0) return legs.length === 0 ? [] : [`flat, but legs are working: ${describe(legs)}`];
  const closingSide = size > 0 ? 1 : 0;
  const violations: string[] = [];
  const wrongSide = legs.filter((order) => order.side !== closingSide);
  if (wrongSide.length > 0) violations.push(`legs on the opening side of a ${size} position: ${describe(wrongSide)}`);
  const stops = legs.filter((order) => order.type === 4 || order.type === 3).reduce((sum, order) => sum + order.size, 0);
  const targets = legs.filter((order) => order.type === 1).reduce((sum, order) => sum + order.size, 0);
  if (stops > Math.abs(size)) violations.push(`stops total ${stops} > position ${size}: ${describe(legs)}`);
  if (targets > Math.abs(size)) violations.push(`targets total ${targets} > position ${size}: ${describe(legs)}`);
  return violations;
}

/**
 * Replays the broker's fills in order: a fill that opens or increases a position (or reverses it)
 * must come from an order a trader sent as an entry, never from a leg or a close. `tagOf` gives an
 * order's client tag (null when the broker made the order, as a close at market). Replays the
 * fills after `afterTradeId`, from flat.
 */
export function exposureViolations(
  truth: SimTruth,
  accountId: number,
  contractId: string,
  tagOf: (orderId: number) => string | null,
  afterTradeId = 0,
): string[] {
  let size = 0;
  const violations: string[] = [];
  // The simulator lists fills newest first; ids grow with time.
  const trades = truth.trades
    .filter((trade) => trade.accountId === accountId && trade.contractId === contractId && trade.id > afterTradeId)
    .sort((a, b) => a.id - b.id);
  for (const trade of trades) {
    const next = size + (trade.side === 0 ? trade.size : -trade.size);
    const grows = Math.abs(next) > Math.abs(size) || Math.sign(next) * Math.sign(size) < 0;
    const tag = tagOf(trade.orderId);
    if (grows && !isEntryTag(tag)) violations.push(`fill ${trade.id} of order ${trade.orderId} (${tag ?? 'no tag'}) took the position from ${size} to ${next}`);
    size = next;
  }
  return violations;
}

function describe(orders: readonly SimWorkingOrder[]): string {
  return orders
    .map(
      (order) =>
        `${order.id} ${order.side === 0 ? 'buy' : 'sell'} ${order.size} type ${order.type} @${order.stopPrice ?? order.limitPrice} (${order.customTag})`,
    )
    .join(', ');
}
