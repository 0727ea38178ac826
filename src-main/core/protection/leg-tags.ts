import type { OrderCause } from '../../../src-shared/domain/order-cause';
import type { OrderView } from '../../../src-shared/domain/trading';

/** What a protective leg does for its position. */
export type LegRole = { readonly kind: 'stop' } | { readonly kind: 'target'; readonly index: number };

/**
 * Client tags of the legs the terminal places itself: `tl-sl-<id>` for a stop, `tl-t<n>-<id>` for
 * target n. The role is in the tag so a restarted terminal still knows its legs at the broker.
 */
export function legTag(role: LegRole, unique: string): string {
  return role.kind === 'stop' ? `tl-sl-${unique}` : `tl-t${role.index + 1}-${unique}`;
}

const legPattern = /^tl-(sl|t([1-9]))-/;
/** The broker's native bracket children carry their entry's tag with `-SL` / `-TP`. */
const nativePattern = /^(tt-.+)-(SL|TP)$/;

/** The role of an order the terminal placed as a leg (by tag), or undefined. */
export function roleOfTag(customTag: string | null): LegRole | undefined {
  if (customTag === null) return undefined;
  const leg = legPattern.exec(customTag);
  if (leg !== null) return leg[1] === 'sl' ? { kind: 'stop' } : { kind: 'target', index: Number(leg[2]) - 1 };
  const native = nativePattern.exec(customTag);
  if (native !== null) return native[2] === 'SL' ? { kind: 'stop' } : { kind: 'target', index: 0 };
  return undefined;
}

/** The entry tag of a native bracket child (`tt-x-SL` → `tt-x`), or undefined. */
export function nativeEntryTag(customTag: string | null): string | undefined {
  if (customTag === null) return undefined;
  return nativePattern.exec(customTag)?.[1];
}

/**
 * The role of a working order as a leg of the terminal: its own tag, or (for a broker whose
 * children carry no tag) a child of an entry the terminal placed, by the child's order type.
 */
export function roleOfOrder(order: OrderView, terminalEntry: (orderId: number) => boolean): LegRole | undefined {
  const byTag = roleOfTag(order.customTag);
  if (byTag !== undefined) return byTag;
  if (order.parentOrderId === null || !terminalEntry(order.parentOrderId)) return undefined;
  return order.type === 'limit' ? { kind: 'target', index: 0 } : { kind: 'stop' };
}

/** The cause a leg's fills carry. */
export function legCause(role: LegRole): OrderCause {
  return role.kind === 'stop' ? 'bracket:stop' : `bracket:target-${role.index + 1}`;
}
